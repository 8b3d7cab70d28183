// Resources a command is following with its own progress notification (a start, a deployment). The views'
// status polling stays quiet about them, so one change is announced once, by the command that made it.

const until = new Map<string, number>();
/** How long after the command is done its resource stays quiet (a poll may see the change late). */
const QUIET_AFTER_MS = 60_000;

const key = (noun: string, name: string) => `${noun}|${name}`;

/** Marks a resource as followed while `work` runs, and for a minute after. */
export async function followedWhile<T>(noun: string, name: string, work: () => Promise<T>): Promise<T> {
  until.set(key(noun, name), Number.POSITIVE_INFINITY);
  try {
    return await work();
  } finally {
    until.set(key(noun, name), Date.now() + QUIET_AFTER_MS);
  }
}

export function isFollowed(noun: string, name: string): boolean {
  const t = until.get(key(noun, name));
  if (t === undefined) return false;
  if (t < Date.now()) {
    until.delete(key(noun, name));
    return false;
  }
  return true;
}
