// The live bill of what runs: one row per billable resource (an endpoint per variant) with its price per hour
// (on-demand price × instance count), how long it has been running and what that has cost so far, and the total
// per hour. A price the price list does not have is "price unknown", never 0; serverless variants, managed spot
// training and Autopilot jobs say how they are billed instead of a figure that would be wrong. A Studio space's
// running app (JupyterLab, Code Editor) is billed per hour of its instance, as AWS's Studio-Notebook usage.
import * as l10n from '@vscode/l10n';
import { formatDuration } from './durations';
import { priceKey, type PriceComponent, type PriceTable } from './costPrices';

export type RunningKind =
  | 'notebook-instance'
  | 'studio-space-app'
  | 'endpoint-variant'
  | 'training-job'
  | 'processing-job'
  | 'transform-job'
  | 'autopilot-job';

export interface RunningResource {
  kind: RunningKind;
  /** The notebook instance, Studio space, endpoint or job. */
  name: string;
  /** Studio space apps: the space's domain and the app's type (JupyterLab, CodeEditor). */
  domainId?: string;
  appType?: string;
  /** Endpoint variants: the variant's name, and whether it is a shadow variant. */
  variant?: string;
  shadow?: boolean;
  instanceType?: string;
  /** Instances billed at once (an endpoint variant's current count, a job's instance count). */
  count: number;
  /** When billing started (instance InService, endpoint created, job started). */
  since?: Date;
  /** A serverless endpoint variant (no instances). */
  serverless?: boolean;
  /** Managed spot training. */
  spot?: boolean;
  /** Notebook instances: the lifecycle configuration ListNotebookInstances names (does it stop the instance when idle?). */
  lifecycleConfigName?: string;
}

export type Billing = 'hourly' | 'unknown' | 'serverless' | 'spot' | 'autopilot';

export interface BillRow {
  resource: RunningResource;
  billing: Billing;
  /** Price per instance hour and for the whole resource (× count), when billing is hourly (spot: the ceiling). */
  unitUsd?: number;
  usdPerHour?: number;
  runningMs?: number;
  costSoFarUsd?: number;
  /** "$0.230/h × 2 = $0.460/h", "price unknown", "serverless: billed per …". */
  priceText: string;
  /**
   * Idle, with what an idle hour costs: an endpoint that served no invocations over the last `hours` (the whole
   * endpoint's price), or a notebook instance or Studio JupyterLab app whose Jupyter saw no kernel or terminal
   * activity for `minutes` (at least `thresholdMinutes`).
   */
  idle?: EndpointIdle | JupyterIdle;
  /** A notebook instance or JupyterLab app whose Jupyter activity was read (through a connection the user has). */
  activityRead?: boolean;
}

export interface EndpointIdle {
  hours: number;
  usdPerHour?: number;
}

export interface JupyterIdle {
  minutes: number;
  thresholdMinutes: number;
  usdPerHour?: number;
}

const COMPONENTS: Record<RunningKind, PriceComponent | undefined> = {
  'notebook-instance': 'Notebook',
  // AWS prices every Studio space app (JupyterLab, Code Editor) as Studio-Notebook usage, not as a notebook instance.
  'studio-space-app': 'Studio-Notebook',
  'endpoint-variant': 'Hosting',
  'training-job': 'Training',
  'processing-job': 'Processing',
  'transform-job': 'Batch Transform', // l10n-exempt: the AWS Price List's component name, matched against its answers
  'autopilot-job': undefined,
};

/** What the price list calls the compute of this kind of resource. */
export function componentOf(kind: RunningKind): PriceComponent | undefined {
  return COMPONENTS[kind];
}

/** The prices a bill of these resources needs (component × instance type), each once. */
export function neededPrices(resources: RunningResource[]): Array<{ component: PriceComponent; instanceType: string }> {
  const seen = new Map<string, { component: PriceComponent; instanceType: string }>();
  for (const r of resources) {
    const component = componentOf(r.kind);
    if (!component || !r.instanceType || r.serverless) continue;
    seen.set(priceKey(component, r.instanceType), { component, instanceType: r.instanceType });
  }
  return [...seen.values()];
}

/** "$0.115", "$4.82", "$0.0464": cents for a dollar and more, three significant figures below. */
export function formatUsd(usd: number): string {
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  if (usd === 0) return '$0.00';
  const figures = String(Number(usd.toPrecision(3)));
  const decimals = figures.split('.')[1]?.length ?? 0;
  return `$${decimals < 2 ? usd.toFixed(2) : figures}`;
}

export function billRow(resource: RunningResource, prices: PriceTable, now: Date): BillRow {
  const runningMs = resource.since ? Math.max(0, now.getTime() - resource.since.getTime()) : undefined;
  if (resource.kind === 'autopilot-job')
    return {
      resource,
      billing: 'autopilot',
      runningMs,
      priceText: l10n.t('billed as the training and processing jobs it runs (listed on their own)'),
    };
  if (resource.serverless)
    return {
      resource,
      billing: 'serverless',
      runningMs,
      priceText: l10n.t('serverless: billed per millisecond of inference and per GB processed, not per hour'),
    };
  const component = componentOf(resource.kind);
  const unit = component && resource.instanceType ? prices[priceKey(component, resource.instanceType)] : undefined;
  if (unit === undefined || unit === null)
    return { resource, billing: 'unknown', runningMs, priceText: l10n.t('price unknown') };
  const usdPerHour = unit * resource.count;
  const count = resource.count === 1 ? '' : ` × ${resource.count} = ${formatUsd(usdPerHour)}/h`;
  if (resource.spot)
    return {
      resource,
      billing: 'spot',
      unitUsd: unit,
      usdPerHour,
      runningMs,
      priceText: l10n.t(
        'managed spot: billed per second used at the spot price, at most {0}/h{1}',
        formatUsd(unit),
        count,
      ),
    };
  return {
    resource,
    billing: 'hourly',
    unitUsd: unit,
    usdPerHour,
    runningMs,
    costSoFarUsd: runningMs === undefined ? undefined : (usdPerHour * runningMs) / 3_600_000,
    priceText: `${formatUsd(unit)}/h${count}`,
  };
}

export interface Bill {
  rows: BillRow[];
  /** The hourly rows' sum: what the known on-demand prices add up to. */
  totalUsdPerHour: number;
  /** Rows whose price is unknown: the total leaves them out and says so. */
  unknownCount: number;
  /** What the idle endpoints, notebook instances and JupyterLab apps cost per hour in all, when some are idle. */
  idleUsdPerHour?: number;
}

export function bill(resources: RunningResource[], prices: PriceTable, now: Date): Bill {
  const rows = resources.map((r) => billRow(r, prices, now));
  const totalUsdPerHour = rows.reduce((sum, r) => sum + (r.billing === 'hourly' ? r.usdPerHour! : 0), 0);
  return { rows, totalUsdPerHour, unknownCount: rows.filter((r) => r.billing === 'unknown').length };
}

/** The status bar's words: "SageMaker: $4.82/h", with a "+" when some price is unknown. */
export function statusBarText(b: Bill): string {
  return b.unknownCount
    ? l10n.t('SageMaker: {0}/h+', formatUsd(b.totalUsdPerHour))
    : l10n.t('SageMaker: {0}/h', formatUsd(b.totalUsdPerHour));
}

const APP_TYPE_WORDS: Record<string, string> = { JupyterLab: 'JupyterLab', CodeEditor: l10n.t('Code Editor') };

/** How a row names its resource: "abalone-endpoint / ShadowV4 (shadow)", "autopilot-experiments (JupyterLab space)". */
export function rowLabel(r: RunningResource): string {
  if (r.kind === 'studio-space-app')
    return l10n.t('{0} ({1} space)', r.name, APP_TYPE_WORDS[r.appType ?? ''] ?? r.appType ?? 'Studio');
  if (r.kind !== 'endpoint-variant') return r.name;
  return r.shadow ? l10n.t('{0} / {1} (shadow)', r.name, r.variant ?? '?') : `${r.name} / ${r.variant ?? '?'}`;
}

/**
 * "idle 24 h: no invocations, $0.23 an idle hour" (the whole endpoint's price per hour, shadow variants included);
 * "idle 75 min: no kernel or terminal activity, $0.05 an idle hour" (a notebook instance or JupyterLab app).
 */
export function idleText(idle: NonNullable<BillRow['idle']>): string {
  const cost = idle.usdPerHour === undefined ? l10n.t('price unknown') : formatUsd(idle.usdPerHour);
  if ('minutes' in idle)
    return l10n.t('idle {0} min: no kernel or terminal activity, {1} an idle hour', idle.minutes, cost);
  return l10n.t('idle {0} h: no invocations, {1} an idle hour', idle.hours, cost);
}

/** What the idle part of the total is spent on: "idle endpoints", "idle notebooks", "idle endpoints and notebooks". */
export function idleKinds(b: Bill): string {
  const idle = b.rows.filter((r) => r.idle);
  const endpoints = idle.some((r) => r.resource.kind === 'endpoint-variant');
  const notebooks = idle.some((r) => r.resource.kind !== 'endpoint-variant');
  if (endpoints && notebooks) return l10n.t('idle endpoints and notebooks');
  return notebooks ? l10n.t('idle notebooks') : l10n.t('idle endpoints');
}

/** The row's second line: idle first when it is, instance type × count, price, running for, cost so far. */
export function rowDescription(row: BillRow): string {
  const r = row.resource;
  const parts: string[] = [];
  if (row.idle) parts.push(idleText(row.idle));
  if (r.instanceType) parts.push(r.count === 1 ? r.instanceType : `${r.count} × ${r.instanceType}`);
  parts.push(row.priceText);
  if (row.runningMs !== undefined) parts.push(l10n.t('running {0}', formatDuration(row.runningMs)));
  if (row.costSoFarUsd !== undefined) parts.push(l10n.t('{0} so far', formatUsd(row.costSoFarUsd)));
  return parts.join(' · ');
}

/** The threshold notice: said once when the total passes it, naming what runs, most expensive first. */
export function costAlertMessage(b: Bill, thresholdUsdPerHour: number): string | undefined {
  if (!(thresholdUsdPerHour > 0) || b.totalUsdPerHour <= thresholdUsdPerHour) return undefined;
  const top = b.rows
    .filter((r) => r.billing === 'hourly')
    .sort((x, y) => y.usdPerHour! - x.usdPerHour!)
    .map((r) => `${rowLabel(r.resource)} ${formatUsd(r.usdPerHour!)}/h`);
  const first = top.slice(0, 5).join(', ');
  const shown = top.length > 5 ? l10n.t('{0} and {1} more', first, top.length - 5) : first;
  return l10n.t(
    'SageMaker compute now costs {0}/h, above your alert of {1}/h: {2}.',
    formatUsd(b.totalUsdPerHour),
    formatUsd(thresholdUsdPerHour),
    shown,
  );
}
