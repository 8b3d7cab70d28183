// How soon the extension re-reads a resource it follows (a notebook instance starting, an endpoint being
// created, a training job's panel). Real AWS work takes minutes, so the defaults are unhurried; the
// integration tests, whose emulator runs a thousand times faster, shorten them here.
export const pace = {
  /** First DescribeX delay of an SDK waiter following a resource (it backs off from there). */
  followSeconds: 15,
  /** First re-read of an open panel whose resource is still changing. */
  panelPollMs: 5_000,
};
