// One training job followed in a panel: status and the secondary-status timeline, compute and billable
// seconds, hyperparameters, final metrics, metric curves pulled out of the CloudWatch log with the job's
// metric definitions, and the log's newest lines. While the job runs, one DescribeTrainingJob and one
// FilterLogEvents (only events newer than those read) per poll, backing off while nothing changes; nothing
// is polled once the job has ended or the panel is closed.
import * as vscode from 'vscode';
import type { FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import type { DescribeTrainingJobResponse as TrainingJob } from '@aws-sdk/client-sagemaker';
import { logEventsPage } from '../../aws/logs/logEventsApi';
import { describeTrainingJob } from '../../aws/sagemaker/trainingJobsApi';
import type { AwsSession } from '../../session/awsSession';
import { pace } from '../../ui/pace';
import { toUserError } from '../../ui/showAwsError';
import { PollBackoff } from '../../model/pollBackoff';
import { isAutoGluonImage } from '../../model/trainingImages';
import { metricSeries } from '../../model/trainingMetrics';
import type { FromWebview, ToWebview, TrainingJobModel } from '../protocol/trainingJob';
import { ModelPanelBase, panelFor } from '../webviewPanelBase';

export const TRAINING_LOG_GROUP = '/aws/sagemaker/TrainingJobs';
const MAX_EVENTS = 20_000;
const TAIL = 200;

export class TrainingJobPanel extends ModelPanelBase<ToWebview, FromWebview, TrainingJobModel> {
  private static readonly open = new Map<string, TrainingJobPanel>();

  static show(extensionUri: vscode.Uri, session: AwsSession, jobName: string): TrainingJobPanel {
    return panelFor(
      TrainingJobPanel.open,
      `${session.current.region}/${jobName}`,
      () => new TrainingJobPanel(extensionUri, session, jobName),
      (p) => void p.load(),
    );
  }

  private events: FilteredLogEvent[] = [];
  private readonly seen = new Set<string>();
  private since = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly backoff = new PollBackoff({ initialMs: pace.panelPollMs, maxMs: 60_000, factor: 2 });
  private closed = false;

  private constructor(
    extensionUri: vscode.Uri,
    private readonly session: AwsSession,
    readonly jobName: string,
  ) {
    super(extensionUri, 'sagemakerWorkbench.trainingJob', vscode.l10n.t('Training: {0}', jobName), 'trainingJob');
    this.onDidDispose(() => {
      this.closed = true;
      clearTimeout(this.timer);
    });
    void this.load();
  }

  load(): Promise<void> {
    clearTimeout(this.timer);
    this.loading = (async () => {
      const before = this.current;
      try {
        const job = await describeTrainingJob(this.session.clients, this.jobName);
        const readProblem = await this.readNewEvents().then(
          () => undefined,
          (error: unknown) => toUserError(error, this.session, 'logs', 'FilterLogEvents').message,
        );
        this.current = this.modelOf(job, readProblem);
      } catch (error) {
        this.current = {
          ...(before ?? emptyModel(this.jobName)),
          loadedAt: new Date().toISOString(),
          notice: { kind: 'error', text: toUserError(error, this.session, 'sagemaker', 'DescribeTrainingJob').message },
        };
      }
      await this.post({ type: 'model', model: this.current });
      if (this.closed) return;
      const running = this.current.status === 'InProgress' || this.current.status === 'Stopping';
      const changed =
        before?.secondaryStatus !== this.current.secondaryStatus || before?.logLines !== this.current.logLines;
      if (running || this.current.notice?.kind === 'error')
        this.timer = setTimeout(() => void this.load(), this.backoff.next(changed));
    })();
    return this.loading;
  }

  /** Events newer than those already read (the newest time again, inclusive; ids drop repeats). */
  private async readNewEvents(): Promise<void> {
    let token: string | undefined;
    do {
      const page = await logEventsPage(this.session.clients, TRAINING_LOG_GROUP, this.since, token, `${this.jobName}/`);
      for (const e of page.events) {
        const id = e.eventId ?? `${e.logStreamName}/${e.timestamp}/${e.message}`;
        if (this.seen.has(id)) continue;
        this.seen.add(id);
        this.events.push(e);
        this.since = Math.max(this.since, e.timestamp ?? 0);
      }
      token = page.nextToken;
    } while (token && this.events.length < MAX_EVENTS);
  }

  private modelOf(job: TrainingJob, logProblem: string | undefined): TrainingJobModel {
    const definitions = (job.AlgorithmSpecification?.MetricDefinitions ?? []).map((d) => ({
      name: d.Name ?? '',
      regex: d.Regex ?? '',
    }));
    const resources = job.ResourceConfig;
    const notices = [
      job.FailureReason ? vscode.l10n.t('Failed: {0}', job.FailureReason) : undefined,
      logProblem ? vscode.l10n.t('The log could not be read: {0}', logProblem) : undefined,
      definitions.length === 0
        ? vscode.l10n.t(
            'The job has no metric definitions, so no curves: clone it and add name=regex definitions in the wizard.',
          )
        : undefined,
    ].filter(Boolean);
    return {
      jobName: this.jobName,
      status: job.TrainingJobStatus ?? 'Unknown',
      secondaryStatus: job.SecondaryStatus,
      failureReason: job.FailureReason,
      image: job.AlgorithmSpecification?.TrainingImage,
      compute: resources
        ? `${resources.InstanceCount ?? 1} × ${resources.InstanceType ?? '?'}, ${resources.VolumeSizeInGB ?? '?'} GB`
        : undefined,
      spot: job.EnableManagedSpotTraining === true,
      createdAt: job.CreationTime?.toISOString(),
      endedAt: job.TrainingEndTime?.toISOString(),
      trainingSeconds: job.TrainingTimeInSeconds,
      billableSeconds: job.BillableTimeInSeconds,
      transitions: (job.SecondaryStatusTransitions ?? []).map((t) => ({
        status: t.Status ?? '',
        start: t.StartTime?.toISOString() ?? '',
        end: t.EndTime?.toISOString(),
        message: t.StatusMessage,
      })),
      hyperParameters: Object.entries(job.HyperParameters ?? {}).sort(([a], [b]) => a.localeCompare(b)),
      finalMetrics: (job.FinalMetricDataList ?? []).map((m) => ({ name: m.MetricName ?? '', value: m.Value ?? NaN })),
      series: metricSeries(this.events, definitions),
      logTail: this.events
        .slice(-TAIL)
        .map(
          (e) => `${new Date(e.timestamp ?? 0).toISOString().slice(11, 19)}  ${(e.message ?? '').replace(/\n$/, '')}`,
        ),
      logLines: this.events.length,
      artefact: job.ModelArtifacts?.S3ModelArtifacts || undefined,
      autoGluon: isAutoGluonImage(job.AlgorithmSpecification?.TrainingImage),
      notice: notices.length
        ? { kind: job.FailureReason || logProblem ? 'warning' : 'info', text: notices.join(' ') }
        : undefined,
      loadedAt: new Date().toISOString(),
    };
  }

  protected async onMessage(message: FromWebview): Promise<void> {
    // Only the actions the page offers (any other type falls through); each one that changes AWS asks for confirmation in its command.
    switch (message.type) {
      case 'ready':
        if (this.current) await this.post({ type: 'model', model: this.current });
        return;
      case 'refresh':
        this.backoff.reset();
        return this.load();
      case 'openLog':
        await vscode.commands.executeCommand('sagemakerWorkbench.openTrainingJobLogs', this.jobName);
        return;
      case 'openAutoGluon':
        await vscode.commands.executeCommand('sagemakerWorkbench.openAutoGluonResults', this.jobName);
        return;
      case 'stop':
        await vscode.commands.executeCommand('sagemakerWorkbench.stopTrainingJob', this.jobName);
        this.backoff.reset();
        return this.load();
      case 'clone':
        await vscode.commands.executeCommand('sagemakerWorkbench.cloneTrainingJob', this.jobName);
        return;
    }
  }
}

function emptyModel(jobName: string): TrainingJobModel {
  return {
    jobName,
    status: 'Unknown',
    spot: false,
    transitions: [],
    hyperParameters: [],
    finalMetrics: [],
    series: [],
    logTail: [],
    logLines: 0,
    autoGluon: false,
    loadedAt: new Date().toISOString(),
  };
}
