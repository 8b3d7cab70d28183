// Training jobs selected together in the tree, compared in one panel: one DescribeTrainingJob per job
// shown (at most MAX_JOBS), rows where they differ highlighted, and the metrics they share charted.
import * as vscode from 'vscode';
import { describeTrainingJob } from '../../aws/sagemaker/trainingJobsApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { compareTrainingJobs } from '../../model/trainingJobComparison';
import type { ComparisonModel, FromWebview, ToWebview } from '../protocol/trainingComparison';
import { ModelPanelBase, panelFor } from '../webviewPanelBase';

export const MAX_COMPARED_JOBS = 8;

export class TrainingComparisonPanel extends ModelPanelBase<ToWebview, FromWebview, ComparisonModel> {
  private static readonly open = new Map<string, TrainingComparisonPanel>();

  static show(extensionUri: vscode.Uri, session: AwsSession, jobNames: string[]): TrainingComparisonPanel {
    const names = [...new Set(jobNames)].slice(0, MAX_COMPARED_JOBS);
    return panelFor(
      TrainingComparisonPanel.open,
      `${session.current.region}/${[...names].sort().join('|')}`,
      () => new TrainingComparisonPanel(extensionUri, session, names),
    );
  }

  private constructor(
    extensionUri: vscode.Uri,
    private readonly session: AwsSession,
    readonly jobNames: string[],
  ) {
    super(
      extensionUri,
      'sagemakerWorkbench.trainingComparison',
      vscode.l10n.t('Compare {0} training jobs', jobNames.length),
      'trainingComparison',
    );
    void this.load();
  }

  load(): Promise<void> {
    this.loading = (async () => {
      try {
        const jobs = await Promise.all(this.jobNames.map((name) => describeTrainingJob(this.session.clients, name)));
        const comparison = compareTrainingJobs(jobs);
        const unfinished = comparison.jobs
          .filter((j) => j.status !== 'Completed')
          .map((j) => `${j.name} (${j.status})`);
        this.current = {
          ...comparison,
          loadedAt: new Date().toISOString(),
          notice: unfinished.length
            ? {
                kind: 'info',
                text: vscode.l10n.t('Final metrics exist once a job completes: {0}.', unfinished.join(', ')),
              }
            : undefined,
        };
      } catch (error) {
        this.current = {
          jobs: [],
          rows: [],
          shared: [],
          loadedAt: new Date().toISOString(),
          notice: { kind: 'error', text: toUserError(error, this.session, 'sagemaker', 'DescribeTrainingJob').message },
        };
      }
      await this.post({ type: 'model', model: this.current });
    })();
    return this.loading;
  }

  protected async onMessage(message: FromWebview): Promise<void> {
    if (message.type === 'ready' && this.current) await this.post({ type: 'model', model: this.current });
    else if (message.type === 'refresh') await this.load();
    // Only a job of this comparison opens; anything else the page might send is ignored.
    else if (message.type === 'openJob' && this.jobNames.includes(message.jobName))
      await vscode.commands.executeCommand('sagemakerWorkbench.openTrainingJob', message.jobName);
  }
}
