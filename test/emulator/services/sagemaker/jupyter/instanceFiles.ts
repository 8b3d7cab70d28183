// What an instance's lifecycle scripts put into /home/ec2-user/SageMaker when it starts: the emulator's
// pretend run of the scripts (lifecycleScriptRun.ts) already says what each `aws s3 cp` downloads and where
// ("download: s3://bucket/key to /home/ec2-user/SageMaker/x.ipynb"); those objects are written into the
// instance's folder, so the files a user finds in Jupyter are the ones the script names.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { World } from '../../world';
import { parseS3Uri } from '../../world';
import { runScript } from '../lifecycleScriptRun';
import { notebookState, type NotebookInstance } from '../notebookInstancesModule';

export const SAGEMAKER_HOME = '/home/ec2-user/SageMaker';

/** The directory of the script's last `cd` (enough for the `cd /home/ec2-user/SageMaker; aws s3 cp … .` idiom). */
export function workingDirectory(script: string): string {
  const cds = [...script.matchAll(/^\s*cd\s+("([^"]+)"|'([^']+)'|(\S+))\s*$/gm)];
  const last = cds[cds.length - 1];
  return last ? (last[2] ?? last[3] ?? last[4]) : '/';
}

export interface SyncedFile {
  /** Path inside the instance's folder. */
  relative: string;
  body: Buffer;
}

/** The files the instance's scripts of its last start copy from S3 into /home/ec2-user/SageMaker. */
export function lifecycleFiles(world: World, instance: NotebookInstance): SyncedFile[] {
  const config = instance.lifecycleConfigName
    ? notebookState(world).lifecycleConfigs.get(instance.lifecycleConfigName)
    : undefined;
  if (!config) return [];
  // A seeded instance that was already InService ran its on-start script before the emulator started.
  const hooks = instance.transition.scripts.length > 0 ? instance.transition.scripts : (['OnStart'] as const);
  const files: SyncedFile[] = [];
  for (const hook of hooks) {
    for (const script of hook === 'OnCreate' ? config.onCreate : config.onStart) {
      const run = runScript(world, script, instance.name, hook);
      const cwd = workingDirectory(script);
      for (const line of run.lines) {
        const match = /^download: (s3:\/\/\S+) to (.+)$/.exec(line);
        const uri = match ? parseS3Uri(match[1]) : undefined;
        if (!match || !uri) continue;
        let target = path.posix.resolve(cwd, match[2]);
        if (match[2].endsWith('/') || target === SAGEMAKER_HOME)
          target = path.posix.join(target, path.posix.basename(uri.key));
        if (!target.startsWith(`${SAGEMAKER_HOME}/`)) continue;
        const object = world.s3.get(uri.bucket, uri.key);
        if (object) files.push({ relative: target.slice(SAGEMAKER_HOME.length + 1), body: object.body });
      }
      if (run.status !== 0) break;
    }
  }
  return files;
}

/** Writes the lifecycle files into the folder (overwriting, as `aws s3 cp` does on every start). */
export async function syncLifecycleFiles(world: World, instance: NotebookInstance, folder: string): Promise<string[]> {
  const written: string[] = [];
  for (const file of lifecycleFiles(world, instance)) {
    const target = path.join(folder, ...file.relative.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, file.body);
    written.push(file.relative);
  }
  return written;
}
