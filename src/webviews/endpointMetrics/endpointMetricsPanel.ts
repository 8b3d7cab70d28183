// The Endpoint Metrics panel: a variant's invocations, 4xx errors and model latency from CloudWatch over
// the last 3 hours, 24 hours or 7 days. One DescribeEndpoint for the variant names when opened, then one
// GetMetricData per read. "When available": a variant never invoked shows that, not an empty chart.
import * as vscode from 'vscode';
import { endpointMetrics } from '../../aws/cloudwatch/endpointMetricsApi';
import { alignSeries } from '../../model/metricSeries';
import { describeEndpoint } from '../../aws/sagemaker/endpointsApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import type { EndpointMetricsModel, FromWebview, MetricsRange, ToWebview } from '../protocol/endpointMetrics';
import { ModelPanelBase, panelFor } from '../webviewPanelBase';

const RANGES: Record<MetricsRange, { hours: number; periodSeconds: number }> = {
  '3h': { hours: 3, periodSeconds: 300 },
  '24h': { hours: 24, periodSeconds: 3600 },
  '7d': { hours: 168, periodSeconds: 6 * 3600 },
};

export class EndpointMetricsPanel extends ModelPanelBase<ToWebview, FromWebview, EndpointMetricsModel> {
  private static readonly open = new Map<string, EndpointMetricsPanel>();
  private variants?: string[];
  private range: MetricsRange = '24h';
  private variant?: string;

  static show(extensionUri: vscode.Uri, session: AwsSession, endpointName: string): EndpointMetricsPanel {
    return panelFor(
      EndpointMetricsPanel.open,
      `${session.current.region}/${endpointName}`,
      () => new EndpointMetricsPanel(extensionUri, session, endpointName),
    );
  }

  private constructor(
    extensionUri: vscode.Uri,
    private readonly session: AwsSession,
    readonly endpointName: string,
  ) {
    super(
      extensionUri,
      'sagemakerWorkbench.endpointMetrics',
      vscode.l10n.t('Metrics: {0}', endpointName),
      'endpointMetrics',
    );
    void this.load();
  }

  load(): Promise<void> {
    this.loading = (async () => {
      await this.post({ type: 'busy', busy: true });
      const { hours, periodSeconds } = RANGES[this.range];
      const end = Math.ceil(Date.now() / (periodSeconds * 1000)) * periodSeconds * 1000;
      const start = end - hours * 3_600_000;
      const base = {
        endpointName: this.endpointName,
        range: this.range,
        periodSeconds,
        loadedAt: new Date().toISOString(),
      };
      try {
        this.variants ??= ((await describeEndpoint(this.session.clients, this.endpointName)).ProductionVariants ?? [])
          .map((v) => v.VariantName ?? '')
          .filter(Boolean);
        this.variant ??= this.variants[0];
        if (!this.variant) {
          this.current = {
            ...base,
            variants: [],
            variant: '',
            times: [],
            invocations: [],
            errors: [],
            latencyMs: [],
            totals: { invocations: 0, errors: 0 },
            notice: {
              kind: 'info',
              text: vscode.l10n.t('{0} has no serving variant, so it has no invocation metrics.', this.endpointName),
            },
          };
        } else {
          const m = await endpointMetrics(
            this.session.clients,
            this.endpointName,
            this.variant,
            new Date(start),
            new Date(end),
            periodSeconds,
          );
          const aligned = alignSeries(start, end, periodSeconds, m.invocations, m.errors, m.latencyUs);
          const invocations = m.invocations.values.reduce((s, v) => s + v, 0);
          // The range's average latency weighs each bucket's average by its invocations.
          const countAt = new Map(m.invocations.timestamps.map((t, i) => [t.getTime(), m.invocations.values[i]]));
          const latencyWeighted = m.latencyUs.values.reduce(
            (s, v, i) => s + v * (countAt.get(m.latencyUs.timestamps[i].getTime()) ?? 0),
            0,
          );
          this.current = {
            ...base,
            variants: this.variants,
            variant: this.variant,
            times: aligned.times,
            invocations: aligned.values[0],
            errors: aligned.values[1],
            latencyMs: aligned.values[2].map((v) => (v === null ? null : v / 1000)),
            totals: {
              invocations,
              errors: m.errors.values.reduce((s, v) => s + v, 0),
              averageLatencyMs: invocations ? latencyWeighted / invocations / 1000 : undefined,
            },
            notice:
              invocations === 0
                ? {
                    kind: 'info',
                    text: vscode.l10n.t(
                      'No invocations of {0}/{1} in the last {2}: CloudWatch has data once the endpoint is invoked.',
                      this.endpointName,
                      this.variant,
                      this.range,
                    ),
                  }
                : undefined,
          };
        }
      } catch (error) {
        const text = toUserError(error, this.session, 'cloudwatch', 'GetMetricData').message;
        this.current = {
          ...base,
          variants: this.variants ?? [],
          variant: this.variant ?? '',
          times: [],
          invocations: [],
          errors: [],
          latencyMs: [],
          totals: { invocations: 0, errors: 0 },
          notice: { kind: 'error', text },
        };
      }
      await this.post({ type: 'model', model: this.current });
      await this.post({ type: 'busy', busy: false });
    })();
    return this.loading;
  }

  protected async onMessage(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        if (this.current) await this.post({ type: 'model', model: this.current });
        return;
      case 'refresh':
        return this.load();
      case 'range':
        if (!Object.hasOwn(RANGES, message.range)) return;
        this.range = message.range;
        return this.load();
      case 'variant':
        if (!this.variants?.includes(message.variant)) return;
        this.variant = message.variant;
        return this.load();
    }
  }

  /** Tests: choose what the page would choose. */
  select(range: MetricsRange, variant?: string): Promise<void> {
    this.range = range;
    if (variant) this.variant = variant;
    return this.load();
  }
}
