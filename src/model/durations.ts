// Elapsed time as people read it in a list: the two largest units only ("45m 12s", "2h 3m", "3d 4h").
import * as l10n from '@vscode/l10n';

/** Each unit: how it reads with its number ("3d"), and its size in seconds. */
const UNITS: Array<[(n: number) => string, number]> = [
  [(n) => l10n.t('{0}d', n), 86_400],
  [(n) => l10n.t('{0}h', n), 3_600],
  [(n) => l10n.t('{0}m', n), 60],
  [(n) => l10n.t('{0}s', n), 1],
];

/** The two largest units with their numbers, the first one non-zero (empty under a second). */
function durationParts(ms: number): string[] {
  let seconds = Math.max(0, Math.floor(ms / 1000));
  const parts: Array<{ n: number; text: string }> = [];
  for (const [unit, size] of UNITS) {
    const n = Math.floor(seconds / size);
    seconds -= n * size;
    if (n > 0 || parts.length > 0) parts.push({ n, text: unit(n) });
    if (parts.length === 2) break;
  }
  // "2h 0m" reads worse than "2h".
  return parts.filter((p, i) => i === 0 || p.n !== 0).map((p) => p.text);
}

export function formatDuration(ms: number): string {
  const parts = durationParts(ms);
  return parts.length === 0 ? l10n.t('{0}s', 0) : parts.join(' ');
}

/** A job's running time: until it ended, or until now while it runs. */
export function jobDuration(
  start: Date | undefined,
  end: Date | undefined,
  now: Date = new Date(),
): string | undefined {
  if (!start) return undefined;
  return formatDuration((end ?? now).getTime() - start.getTime());
}

/** "3h ago", "2d ago": how long ago something happened, largest unit only. */
export function timeAgo(when: Date | undefined, now: Date = new Date()): string | undefined {
  if (!when) return undefined;
  const ms = now.getTime() - when.getTime();
  if (ms < 60_000) return l10n.t('just now');
  return l10n.t('{0} ago', durationParts(ms)[0]);
}

/** "3h", "2d": how long since `when`, largest unit only, for "waiting 3h". */
export function timeSince(when: Date, now: Date = new Date()): string {
  const ms = now.getTime() - when.getTime();
  return ms < 60_000 ? l10n.t('just now') : durationParts(ms)[0];
}

/** A git date as CodeCommit gives it ("1700000000 +0000": seconds since the epoch, then the zone). */
export function gitDate(date: string | undefined): Date | undefined {
  const seconds = Number(date?.split(' ')[0]);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : undefined;
}
