// A pretend run of a lifecycle script, enough for a user to see realistic output and failures:
// `echo` prints, `aws s3 cp` downloads what the emulated S3 holds (with the CLI's --exclude/--include
// filters) or fails as the CLI would, `set -e` stops at the first failing command, `exit N` and a last
// failing command fail the start, and sleeping past AWS's 5-minute limit fails it as AWS does.
import { AwsError, type ScenarioName } from '../../engine/contract';
import type { ServiceModule } from '../serviceModule';
import type { World } from '../world';
import { parseS3Uri } from '../world';
import { virtualKeys } from '../s3/virtualListing';
import { notebookState, type LifecycleConfig, type NotebookInstance } from './notebookInstancesModule';
import { s3CpIncludes } from '../support/cliFilters';

const LIMIT_SECONDS = 300;

type Hook = 'OnCreate' | 'OnStart';

function scriptsOf(config: LifecycleConfig, hook: Hook): string[] {
  return hook === 'OnCreate' ? config.onCreate : config.onStart;
}

function sleptSeconds(script: string): number {
  return [...script.matchAll(/^\s*sleep\s+(\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

/** Words of a shell line with quotes removed (enough for the CLI lines of lifecycle scripts). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** `aws s3 cp`: the lines the CLI prints and its exit status. */
function s3Copy(world: World, args: string[]): { lines: string[]; status: number } {
  const [source, target] = args.filter(
    (a, i) => !a.startsWith('--') && !['--exclude', '--include'].includes(args[i - 1] ?? ''),
  );
  const uri = source ? parseS3Uri(source) : undefined;
  if (!uri) return { lines: [], status: 0 };
  if (args.includes('--recursive')) {
    const bucket = world.s3.buckets.get(uri.bucket);
    if (!bucket)
      return {
        lines: [
          'fatal error: An error occurred (NoSuchBucket) when calling the ListObjectsV2 operation: The specified bucket does not exist',
        ],
        status: 1,
      };
    const prefix = uri.key === '' || uri.key.endsWith('/') ? uri.key : `${uri.key}/`;
    const filters = args.flatMap((a, i) =>
      a === '--exclude' || a === '--include'
        ? [{ kind: a.slice(2) as 'exclude' | 'include', pattern: args[i + 1] ?? '' }]
        : [],
    );
    const keys = [...bucket.objects.keys(), ...virtualKeys(world, uri.bucket)]
      .filter((k) => k.startsWith(prefix) && !k.endsWith('/'))
      .sort();
    const copied = keys.filter((k) => s3CpIncludes(k.slice(prefix.length), filters));
    return {
      lines: copied.map(
        (key) => `download: s3://${uri.bucket}/${key} to ${target.replace(/\/$/, '')}/${key.slice(prefix.length)}`,
      ),
      status: 0,
    };
  }
  if (world.s3.get(uri.bucket, uri.key))
    return {
      lines: [`download: ${source} to ${target === '.' ? `./${uri.key.split('/').pop()}` : target}`],
      status: 0,
    };
  return {
    lines: [
      `fatal error: An error occurred (404) when calling the HeadObject operation: Key "${uri.key}" does not exist`,
    ],
    status: 1,
  };
}

interface Run {
  lines: string[];
  /** The script's exit status (0: succeeded). */
  status: number;
  /** Ended by AWS's 5-minute limit. */
  timedOut: boolean;
}

/**
 * Runs one script line by line. A here-document (`sudo -u ec2-user -i <<'EOF'`) is a shell of its own:
 * its `set -e` stops only it, and its status is the status of the command that started it.
 */
export function runScript(world: World, script: string, who: string, hook: Hook): Run {
  const lines: string[] = [];
  const tooSlow = sleptSeconds(script) >= LIMIT_SECONDS;
  type Shell = { errexit: boolean; status: number; terminator?: string; stopped?: boolean };
  const outer: Shell = { errexit: /^#!\S*\s+-\w*e/.test(script), status: 0 };
  let shell = outer;
  for (const raw of script.split('\n')) {
    const line = raw.trim();
    if (shell !== outer && line === shell.terminator) {
      outer.status = shell.status;
      shell = outer;
      if (outer.errexit && outer.status !== 0) return { lines, status: outer.status, timedOut: false };
      continue;
    }
    if (shell.stopped || line === '' || line.startsWith('#')) continue;
    const heredoc = /<<-?\s*['"]?(\w+)['"]?/.exec(line);
    if (heredoc) {
      shell = { errexit: false, status: 0, terminator: heredoc[1] };
      continue;
    }
    const argv = words(line);
    let status = 0;
    if (argv[0] === 'set') {
      for (const flag of argv.slice(1)) {
        if (/^-\w*e/.test(flag) || (flag === 'errexit' && argv.includes('-o'))) shell.errexit = true;
        if (/^\+\w*e/.test(flag)) shell.errexit = false;
      }
    } else if (argv[0] === 'echo') {
      lines.push(argv.slice(1).join(' '));
    } else if (argv[0] === 'aws' && argv[1] === 's3' && argv[2] === 'cp') {
      const copy = s3Copy(world, argv.slice(3));
      lines.push(...copy.lines);
      status = copy.status;
    } else if (argv[0] === 'pip' && argv[1] === 'install') {
      for (const pkg of argv.slice(2).filter((a) => !a.startsWith('-'))) lines.push(`Collecting ${pkg}`);
    } else if (argv[0] === 'sleep' && tooSlow) {
      lines.push(`${who}: lifecycle script ${hook} was still running after 5 minutes and was stopped`);
      return { lines, status: 1, timedOut: true };
    } else if (argv[0] === 'exit') {
      const code = Number(argv[1] ?? shell.status);
      if (shell !== outer) {
        shell.status = code;
        shell.stopped = true;
        continue;
      }
      if (code !== 0) lines.push(`${who}: lifecycle script ${hook} exited with code ${code}`);
      return { lines, status: code, timedOut: false };
    }
    shell.status = status;
    if (status !== 0 && shell.errexit) {
      if (shell !== outer) {
        shell.stopped = true;
        continue;
      }
      lines.push(`${who}: lifecycle script ${hook} exited with code ${status}`);
      return { lines, status, timedOut: false };
    }
  }
  if (outer.status !== 0) lines.push(`${who}: lifecycle script ${hook} exited with code ${outer.status}`);
  return { lines, status: outer.status, timedOut: false };
}

// scriptOutcome is called without the world (the notebook module's signature), yet whether `aws s3 cp`
// fails depends on S3: every world registers itself while seeding, and the one holding the config answers.
const worlds = new Set<WeakRef<World>>();

function worldOf(config: LifecycleConfig): World | undefined {
  for (const ref of worlds) {
    const world = ref.deref();
    if (!world) worlds.delete(ref);
    else if (notebookState(world).lifecycleConfigs.get(config.name) === config) return world;
  }
  return undefined;
}

export function scriptOutcome(
  config: LifecycleConfig | undefined,
  hooks: Hook[],
  instance: NotebookInstance,
  world?: World,
): { failureReason?: string } {
  if (!config) return {};
  const found = world ?? worldOf(config);
  if (!found) throw new AwsError('InternalFailure', 'The emulator lost the world of a lifecycle configuration.', 500);
  for (const hook of hooks) {
    for (const script of scriptsOf(config, hook)) {
      const run = runScript(found, script, instance.name, hook);
      if (run.timedOut) {
        return {
          failureReason: `Notebook Instance Lifecycle Config '${config.arn}' for Notebook Instance '${instance.arn}' took longer than 5 minutes. Please check your CloudWatch logs for more details if your Notebook Instance has Internet access.`,
        };
      }
      if (run.status !== 0) {
        return {
          failureReason: `Notebook Instance Lifecycle Config '${config.arn}' for Notebook Instance '${instance.arn}' failed. Please check your CloudWatch logs for more details if your Notebook Instance has Internet access.`,
        };
      }
    }
  }
  return {};
}

export function lifecycleScriptLog(
  world: World,
  config: LifecycleConfig,
  hook: Hook,
  instance: NotebookInstance,
  since: number,
): Array<{ message: string; timestamp: number }> {
  const lines: Array<{ message: string; timestamp: number }> = [];
  let at = since + world.clock.duration(hook === 'OnCreate' ? 60 : 120);
  for (const script of scriptsOf(config, hook)) {
    const run = runScript(world, script, instance.name, hook);
    for (const message of run.lines) {
      lines.push({ message, timestamp: Math.round(at) });
      at += world.clock.duration(1);
    }
    if (run.status !== 0) break;
  }
  return lines;
}

/** Registers each world before the notebook module seeds (it runs the seeded instances' scripts). */
export const lifecycleScriptsModule: ServiceModule = {
  name: 'sagemaker lifecycle script runs',
  handlers: () => ({}),
  seed: (world: World, _scenario: ScenarioName) => void worlds.add(new WeakRef(world)),
};
