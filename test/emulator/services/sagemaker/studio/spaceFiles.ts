// What a space's lifecycle configuration puts into /home/sagemaker-user when its app starts: the emulator's
// pretend run of the script (lifecycleScriptRun.ts) says what each `aws s3 cp` downloads and where; those
// objects are written into the space's folder, as on a notebook instance (jupyter/instanceFiles.ts).
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { World } from '../../world';
import { parseS3Uri } from '../../world';
import { workingDirectory } from '../jupyter/instanceFiles';
import { runScript } from '../lifecycleScriptRun';
import { lifecycleConfigByArn } from './lifecycleConfigsHandlers';
import type { App } from './studioState';

export const SPACE_HOME = '/home/sagemaker-user';

/** Writes the files the app's lifecycle script copies from S3 into the space's folder; answers their paths. */
export async function syncSpaceFiles(world: World, app: App, folder: string): Promise<string[]> {
  const arn = app.resourceSpec.LifecycleConfigArn;
  const config = arn ? lifecycleConfigByArn(world, arn) : undefined;
  if (!config) return [];
  const script = Buffer.from(config.content, 'base64').toString('utf8');
  const run = runScript(world, script, app.spaceName ?? app.appName, 'OnStart');
  // Studio runs the script in the user's home unless it changes directory.
  const cwd = /^\s*cd\s/m.test(script) ? workingDirectory(script) : SPACE_HOME;
  const written: string[] = [];
  for (const line of run.lines) {
    const match = /^download: (s3:\/\/\S+) to (.+)$/.exec(line);
    const uri = match ? parseS3Uri(match[1]) : undefined;
    if (!match || !uri) continue;
    let target = path.posix.resolve(cwd, match[2]);
    if (match[2].endsWith('/') || target === SPACE_HOME) target = path.posix.join(target, path.posix.basename(uri.key));
    if (!target.startsWith(`${SPACE_HOME}/`)) continue;
    const object = world.s3.get(uri.bucket, uri.key);
    if (!object) continue;
    const relative = target.slice(SPACE_HOME.length + 1);
    const file = path.join(folder, ...relative.split('/'));
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, object.body);
    written.push(relative);
  }
  return written;
}
