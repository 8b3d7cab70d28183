// Idle notebook instances and Studio JupyterLab apps: no kernel or terminal activity on their Jupyter server for N
// minutes. Read only through a connection the user already has (a notebook on the host's kernel, its files open):
// `GET api/kernels` and `GET api/terminals`, measured against the server's own clock (its Date header), so a
// laptop whose clock is off does not mark a working instance idle. Pure: the reads live in src/aws/jupyter.
import { type Bill, type BillRow, type RunningResource } from './costBill';

export const DEFAULT_IDLE_NOTEBOOK_MINUTES = 60;

/** The minutes setting as a whole number of minutes from 1 to a week; anything else is the default. */
export function idleNotebookMinutes(setting: unknown): number {
  const minutes = typeof setting === 'number' ? Math.floor(setting) : NaN;
  return minutes >= 1 && minutes <= 10_080 ? minutes : DEFAULT_IDLE_NOTEBOOK_MINUTES;
}

/** What a Jupyter server said about its kernels and terminals, as its REST API words it. */
export interface JupyterActivity {
  kernels: Array<{ last_activity?: string; execution_state?: string }>;
  terminals: Array<{ last_activity?: string }>;
  /** The server's Date header: its clock when it answered. */
  serverDate?: string;
}

/** ISO times with microseconds (Jupyter's `2026-11-30T15:58:39.928316Z`) read to the millisecond. */
function timeOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * How long the server has seen no kernel or terminal activity (ms), or undefined when that cannot be said: a busy
 * kernel (never idle, however long its cell runs), nothing to measure (no kernel and no terminal, or no time
 * given), or no Date header to measure against.
 */
export function quietMs(activity: JupyterActivity): number | undefined {
  const now = timeOf(activity.serverDate);
  if (now === undefined) return undefined;
  if (activity.kernels.some((k) => k.execution_state === 'busy')) return undefined;
  const times = [...activity.kernels, ...activity.terminals].map((x) => timeOf(x.last_activity));
  if (times.length === 0 || times.some((t) => t === undefined)) return undefined;
  // The Date header has whole seconds; activity within its second is no idleness.
  return Math.max(0, now - Math.max(...(times as number[])));
}

/** Whole minutes of quiet when they reach the threshold; undefined when the host is not idle. */
export function idleMinutesOf(activity: JupyterActivity, thresholdMinutes: number): number | undefined {
  const quiet = quietMs(activity);
  if (quiet === undefined || quiet < thresholdMinutes * 60_000) return undefined;
  return Math.floor(quiet / 60_000);
}

/** A host whose Jupyter activity can be read: a notebook instance, or a Studio space's JupyterLab app. */
export function jupyterHostKey(r: RunningResource): string | undefined {
  if (r.kind === 'notebook-instance') return `notebook-instance:${r.name}`;
  if (r.kind === 'studio-space-app' && r.appType === 'JupyterLab' && r.domainId)
    return `studio-space:${r.domainId}/${r.name}`;
  return undefined;
}

/**
 * The bill with these hosts' rows marked: `read` the keys whose activity was read, `idle` the idle minutes of those
 * that sat idle. What they cost per hour joins the idle endpoints' in the bill's idle total.
 */
export function markIdleHosts(b: Bill, read: Set<string>, idle: Map<string, number>, thresholdMinutes: number): Bill {
  if (read.size === 0) return b;
  let idleTotal = 0;
  let anyIdle = false;
  const rows = b.rows.map((row): BillRow => {
    const key = jupyterHostKey(row.resource);
    if (!key || !read.has(key)) return row;
    const minutes = idle.get(key);
    if (minutes === undefined) return { ...row, activityRead: true };
    anyIdle = true;
    const usdPerHour = row.billing === 'hourly' ? row.usdPerHour : undefined;
    idleTotal += usdPerHour ?? 0;
    return { ...row, activityRead: true, idle: { minutes, thresholdMinutes, usdPerHour } };
  });
  return anyIdle ? { ...b, rows, idleUsdPerHour: (b.idleUsdPerHour ?? 0) + idleTotal } : { ...b, rows };
}
