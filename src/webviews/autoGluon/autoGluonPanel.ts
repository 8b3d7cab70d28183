// The AutoGluon results of a completed training job (seed 003 chapter 3): Leaderboard.csv and
// Model_Evaluation.txt read out of the job's model.tar.gz by streaming it (the download stops once both
// files are found), shown as a sortable leaderboard with the best model marked, evaluation metrics and a
// chart of the scores.
import * as vscode from 'vscode';
import { readArchiveEntries } from '../../aws/s3/archiveEntries';
import { describeTrainingJob } from '../../aws/sagemaker/trainingJobsApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { parseEvaluation, parseLeaderboardCsv } from '../../model/autoGluonResults';
import type { AutoGluonModel, FromWebview, ToWebview } from '../protocol/autoGluon';
import { ModelPanelBase, panelFor } from '../webviewPanelBase';

const FILES = ['Leaderboard.csv', 'Model_Evaluation.txt'];

export class AutoGluonPanel extends ModelPanelBase<ToWebview, FromWebview, AutoGluonModel> {
  private static readonly open = new Map<string, AutoGluonPanel>();

  static show(extensionUri: vscode.Uri, session: AwsSession, jobName: string): AutoGluonPanel {
    return panelFor(
      AutoGluonPanel.open,
      `${session.current.region}/${jobName}`,
      () => new AutoGluonPanel(extensionUri, session, jobName),
    );
  }

  private constructor(
    extensionUri: vscode.Uri,
    private readonly session: AwsSession,
    readonly jobName: string,
  ) {
    super(extensionUri, 'sagemakerWorkbench.autoGluon', vscode.l10n.t('AutoGluon: {0}', jobName), 'autoGluon');
    void this.load();
  }

  load(): Promise<void> {
    this.loading = (async () => {
      const base = {
        jobName: this.jobName,
        artefact: '',
        rows: [],
        evaluation: [],
        loadedAt: new Date().toISOString(),
      };
      try {
        const job = await describeTrainingJob(this.session.clients, this.jobName);
        const artefact = job.ModelArtifacts?.S3ModelArtifacts;
        if (job.TrainingJobStatus !== 'Completed' || !artefact) {
          this.current = {
            ...base,
            notice: {
              kind: 'info',
              text: vscode.l10n.t(
                '{0} is {1}; its leaderboard is in model.tar.gz once it completes.',
                this.jobName,
                job.TrainingJobStatus ?? vscode.l10n.t('not finished'),
              ),
            },
          };
        } else {
          const read = await readArchiveEntries(this.session.clients, artefact, FILES);
          const missing = FILES.filter((f) => !(f in read.files));
          const problems: string[] = [];
          let rows: AutoGluonModel['rows'] = [];
          let evaluation: AutoGluonModel['evaluation'] = [];
          try {
            if (read.files['Leaderboard.csv'] !== undefined) rows = parseLeaderboardCsv(read.files['Leaderboard.csv']);
          } catch (error) {
            problems.push((error as Error).message);
          }
          try {
            if (read.files['Model_Evaluation.txt'] !== undefined)
              evaluation = parseEvaluation(read.files['Model_Evaluation.txt']);
          } catch (error) {
            problems.push(vscode.l10n.t('Model_Evaluation.txt is not JSON: {0}', (error as Error).message));
          }
          if (missing.length)
            problems.push(
              missing.length > 1
                ? vscode.l10n.t(
                    '{0} and {1} are not in {2} (is this an AutoGluon job writing them next to its models?)',
                    missing[0],
                    missing[1],
                    artefact,
                  )
                : vscode.l10n.t(
                    '{0} is not in {1} (is this an AutoGluon job writing them next to its models?)',
                    missing[0],
                    artefact,
                  ),
            );
          this.current = {
            ...base,
            artefact,
            bytesRead: read.bytesRead,
            objectBytes: read.objectBytes,
            rows,
            evaluation,
            notice: problems.length ? { kind: 'warning', text: problems.join(' ') } : undefined,
          };
        }
      } catch (error) {
        const text =
          error instanceof Error && !('$metadata' in error)
            ? error.message
            : toUserError(error, this.session, 's3', 'GetObject').message;
        this.current = { ...base, notice: { kind: 'error', text } };
      }
      await this.post({ type: 'model', model: this.current });
    })();
    return this.loading;
  }

  protected async onMessage(message: FromWebview): Promise<void> {
    if (message.type === 'ready' && this.current) await this.post({ type: 'model', model: this.current });
    else if (message.type === 'refresh') await this.load();
    // The command shows the page, or says why there is none; the artefact this panel read saves a describe.
    else if (message.type === 'openSummary')
      await vscode.commands.executeCommand(
        'sagemakerWorkbench.openSummaryOfModels',
        this.jobName,
        this.current?.artefact || undefined,
      );
  }
}
