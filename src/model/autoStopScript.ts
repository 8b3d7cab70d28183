// Whether a lifecycle configuration's on-start script stops the instance when it sits idle, and after how long.
// Two shapes are common: the "Stop when idle" template (IDLE_MINUTES=…, a cron job calling
// `aws sagemaker stop-notebook-instance`) and the widely copied AWS sample (IDLE_TIME=<seconds>, a cron job running
// autostop.py, which calls stop_notebook_instance). Both are recognised by what they do, an idle check plus a stop
// call, with comments ignored so a script that only mentions stopping is not taken for one that stops. Plus the
// copy-and-append of the template onto an existing script, the name of a new configuration, and the size limit.
import * as l10n from '@vscode/l10n';
import { scriptProblem, templateScript } from './lifecycleTemplates';

export interface AutoStopFinding {
  /** Idle minutes before the stop, when the script states them. */
  idleMinutes?: number;
}

/** The script without comment lines (the shebang included), so only what runs is read. */
function executableText(script: string): string {
  return script
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n');
}

// The stop: the CLI or boto3 call, or the AWS sample's autostop.py that makes it.
const STOP_CALL = /\bstop[-_]notebook[-_]instance\b|\bautostop\.py\b/;
// The idle check: an idle threshold variable or option, or Jupyter's last kernel activity.
const IDLE_CHECK = /\bIDLE_(?:MINUTES|TIME)\b|--time\b|\blast_activity\b|\bidle\b/i;

function idleMinutesOf(text: string): number | undefined {
  const minutes = /\bIDLE_MINUTES=["']?(\d+)/.exec(text);
  if (minutes) return Number(minutes[1]);
  // The AWS sample states the idle time in seconds, as a variable or straight on autostop.py's command line.
  const seconds = /\bIDLE_TIME=["']?(\d+)/.exec(text) ?? /autostop\.py[^\n]*--time[= ]["']?(\d+)/.exec(text);
  if (seconds) return Math.round((Number(seconds[1]) / 60) * 10) / 10;
  return undefined;
}

/** What an on-start script does about idleness: undefined when it does not stop the instance. */
export function recogniseAutoStop(script: string): AutoStopFinding | undefined {
  const text = executableText(script);
  if (!STOP_CALL.test(text) || !IDLE_CHECK.test(text)) return undefined;
  return { idleMinutes: idleMinutesOf(text) };
}

/** "auto-stop after 60 idle min", "auto-stop (idle time not stated)", "no auto-stop". */
export function autoStopText(finding: AutoStopFinding | undefined): string {
  if (!finding) return l10n.t('no auto-stop');
  return finding.idleMinutes === undefined
    ? l10n.t('auto-stop (idle time not stated)')
    : l10n.t('auto-stop after {0} idle min', finding.idleMinutes);
}

/**
 * The existing on-start script with the auto-stop template after it (its shebang dropped). A final top-level `exit`
 * would end the script before the appended part, so the part goes in front of it.
 */
export function appendAutoStop(onStart: string, idleMinutes: number): string {
  const part = templateScript({ kind: 'auto-stop', idleMinutes })
    .split('\n')
    .filter((line) => !line.startsWith('#!'))
    .join('\n');
  const lines = onStart.replace(/\s+$/, '').split('\n');
  let last = lines.length - 1;
  while (last >= 0 && (lines[last].trim() === '' || lines[last].trim().startsWith('#'))) last--;
  const endsWithExit = last >= 0 && /^exit(\s+\d+)?\s*$/.test(lines[last]);
  const before = (endsWithExit ? lines.slice(0, last) : lines).join('\n');
  const after = endsWithExit ? lines.slice(last).join('\n') + '\n' : '';
  return `${before}\n\n${part.replace(/\n*$/, '\n')}${after ? `\n${after}` : ''}`;
}

/**
 * A name for the new configuration: `<instance>-auto-stop`, cut to SageMaker's 63 characters, with -2, -3… when
 * taken. Names are compared without case (SageMaker's ARNs for them are lower-case).
 */
export function autoStopConfigName(instance: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? '-auto-stop' : `-auto-stop-${i}`;
    const base = instance.slice(0, 63 - suffix.length).replace(/-+$/, '');
    const name = `${base}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** The API limits each hook's base64 Content, so a script of more than about 12,288 characters does not fit. */
export function contentProblem(script: string, hook: 'on-create' | 'on-start'): string | undefined {
  return scriptProblem(script, hook, 'would-have');
}
