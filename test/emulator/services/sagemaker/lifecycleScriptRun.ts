// A pretend run of a lifecycle script, enough for a user to see realistic output and failures:
// `echo` prints, `aws s3 cp` downloads what the emulated S3 holds (or fails as the CLI would),
// `exit N` fails the start, and sleeping past AWS's 5-minute limit fails it as AWS does.
import type { World } from '../world';
import { parseS3Uri } from '../world';
import type { LifecycleConfig, NotebookInstance } from './notebookInstancesModule';

const LIMIT_SECONDS = 300;

function scriptsOf(config: LifecycleConfig, hook: 'OnCreate' | 'OnStart'): string[] {
  return hook === 'OnCreate' ? config.onCreate : config.onStart;
}

function sleptSeconds(script: string): number {
  return [...script.matchAll(/^\s*sleep\s+(\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

function exitCode(script: string): number {
  const match = /^exit\s+(\d+)\s*$/m.exec(script);
  return match ? Number(match[1]) : 0;
}

export function scriptOutcome(config: LifecycleConfig | undefined, hooks: Array<'OnCreate' | 'OnStart'>, instance: NotebookInstance): { failureReason?: string } {
  if (!config) return {};
  for (const hook of hooks) {
    for (const script of scriptsOf(config, hook)) {
      if (sleptSeconds(script) >= LIMIT_SECONDS) {
        return {
          failureReason: `Notebook Instance Lifecycle Config '${config.arn}' for Notebook Instance '${instance.arn}' took longer than 5 minutes. Please check your CloudWatch logs for more details if your Notebook Instance has Internet access.`,
        };
      }
      if (exitCode(script) !== 0) {
        return {
          failureReason: `Notebook Instance Lifecycle Config '${config.arn}' for Notebook Instance '${instance.arn}' failed. Please check your CloudWatch logs for more details if your Notebook Instance has Internet access.`,
        };
      }
    }
  }
  return {};
}

export function lifecycleScriptLog(world: World, config: LifecycleConfig, hook: 'OnCreate' | 'OnStart', instance: NotebookInstance, since: number): Array<{ message: string; timestamp: number }> {
  const lines: Array<{ message: string; timestamp: number }> = [];
  let at = since + world.clock.duration(hook === 'OnCreate' ? 60 : 120);
  const emit = (message: string) => {
    lines.push({ message, timestamp: Math.round(at) });
    at += world.clock.duration(1);
  };
  for (const script of scriptsOf(config, hook)) {
    for (const raw of script.split('\n')) {
      const line = raw.trim();
      const echo = /^echo\s+["']?(.*?)["']?$/.exec(line);
      if (echo) emit(echo[1]);
      const copy = /aws s3 cp (s3:\/\/\S+) (\S+)/.exec(line);
      if (copy) {
        const uri = parseS3Uri(copy[1]);
        const recursive = /--recursive/.test(line);
        if (uri && recursive) {
          const bucket = world.s3.buckets.get(uri.bucket);
          const keys = bucket ? [...bucket.objects.keys()].filter((k) => k.startsWith(uri.key)) : [];
          for (const key of keys) emit(`download: s3://${uri.bucket}/${key} to ${copy[2].replace(/\/$/, '')}/${key.slice(uri.key.length).replace(/^\//, '')}`);
        } else if (uri && world.s3.get(uri.bucket, uri.key)) {
          emit(`download: ${copy[1]} to ${copy[2] === '.' ? `./${uri.key.split('/').pop()}` : copy[2]}`);
        } else if (uri) {
          emit(`fatal error: An error occurred (404) when calling the HeadObject operation: Key "${uri.key}" does not exist`);
        }
      }
      const pip = /^pip install\s+(?:--upgrade\s+)?(.+)$/.exec(line);
      if (pip) for (const pkg of pip[1].split(/\s+/)) emit(`Collecting ${pkg}`);
      const sleep = /^sleep\s+(\d+)$/.exec(line);
      if (sleep && sleptSeconds(script) >= LIMIT_SECONDS) {
        emit(`${instance.name}: lifecycle script ${hook} was still running after 5 minutes and was stopped`);
        return lines;
      }
      const exit = /^exit\s+(\d+)$/.exec(line);
      if (exit && exit[1] !== '0') {
        emit(`${instance.name}: lifecycle script ${hook} exited with code ${exit[1]}`);
        return lines;
      }
    }
  }
  return lines;
}
