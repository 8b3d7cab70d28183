// Elapsed time as people read it in a list: the two largest units only ("45m 12s", "2h 3m", "3d 4h").
import * as l10n from '@vscode/l10n';

const UNITS: Array<[string, number]> = [
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1],
];

export function formatDuration(ms: number): string {
  let seconds = Math.max(0, Math.floor(ms / 1000));
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const n = Math.floor(seconds / size);
    seconds -= n * size;
    if (n > 0 || parts.length > 0) parts.push(`${n}${unit}`);
    if (parts.length === 2) break;
  }
  if (parts.length === 0) return '0s';
  // "2h 0m" reads worse than "2h".
  return parts.filter((p, i) => i === 0 || !p.startsWith('0')).join(' ');
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
  return l10n.t('{0} ago', formatDuration(ms).split(' ')[0]);
}

/** A git date as CodeCommit gives it ("1700000000 +0000": seconds since the epoch, then the zone). */
export function gitDate(date: string | undefined): Date | undefined {
  const seconds = Number(date?.split(' ')[0]);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : undefined;
}
