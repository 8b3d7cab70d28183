// Benchmarks time work on the extension host's thread; while the host is still starting, they time its work too.
/** The extension host is quiet when this many 10 ms timers in a row fired on time (within 2 ms). */
export const QUIET_TICKS = 50;

/**
 * Waits until the extension host's thread is quiet: the host starts the built-in extensions and the workbench asks
 * it for state while a test begins, and what is timed meanwhile measured that (an empty extension's activation took
 * 8–135 ms from one run to the next). Bounded, and how long it took is a figure.
 */
export async function hostQuiet(limitMs = 30_000): Promise<number> {
  const started = performance.now();
  for (let quiet = 0; quiet < QUIET_TICKS && performance.now() - started < limitMs; ) {
    const before = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 10));
    quiet = performance.now() - before - 10 < 2 ? quiet + 1 : 0;
  }
  return performance.now() - started;
}
