// The Autopilot leaderboard of one job: every candidate (all pages) ranked by the objective, with every
// reported metric, live while the job runs (re-read every 15 seconds while the panel is visible, stopping
// when the job ends). Actions: deploy or register a candidate (the registry and endpoint flows), export the
// leaderboard as CSV, open the notebooks the job generated in VS Code's notebook editor.
import * as path from 'path';
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import type { AutoMLCandidate } from '@aws-sdk/client-sagemaker';
import { describeAutoMlJobV2 } from '../../aws/sagemaker/autoMlApi';
import { allCandidates } from '../../aws/sagemaker/autoMlRunApi';
import { readObjectBytes, readObjectText } from '../../aws/s3/autopilotObjects';
import { readSmallObject } from '../../aws/s3/smallObjects';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { leaderboardCsv, leaderboardRows, metricColumns, objectiveIsMaximized } from '../../model/leaderboard';
import { parseS3Uri } from '../../model/modelQualityMetrics';
import { globalShapValues } from '../../model/explainability';
import type { FromWebview, LeaderboardModel, ToWebview } from '../protocol/leaderboard';
import { ModelPanelBase, panelFor } from '../webviewPanelBase';

const LIVE_SECONDS = 15;
/** Reports are a few KB; anything far larger is not read into the panel. */
const MAX_REPORT_BYTES = 5 * 1024 * 1024;

export interface LeaderboardDeps {
  extensionUri: vscode.Uri;
  session: AwsSession;
  /** Runs a command on a candidate (deploy, register) with the candidate and its job. */
  onCandidate(command: 'deployModel' | 'registerModel', jobName: string, candidate: AutoMLCandidate): Thenable<unknown>;
}

export class LeaderboardPanel extends ModelPanelBase<ToWebview, FromWebview, LeaderboardModel> {
  private static readonly open = new Map<string, LeaderboardPanel>();
  private candidates: AutoMLCandidate[] = [];
  private timer?: ReturnType<typeof setTimeout>;
  /** The page's last report of drawing (the bench reads it). */
  lastRender?: { what: 'model' | 'sort'; ms: number; rows: number; heapBytes?: number };

  /** Sorts the page's table by a column, as clicking its header would. */
  sortBy(key: string, descending: boolean): Thenable<boolean> {
    return this.post({ type: 'sort', key, descending });
  }

  static show(deps: LeaderboardDeps, jobName: string): LeaderboardPanel {
    return panelFor(LeaderboardPanel.open, `${deps.session.current.region}/${jobName}`, () => {
      const panel = new LeaderboardPanel(deps, jobName);
      panel.onDidDispose(() => panel.timer && clearTimeout(panel.timer));
      return panel;
    });
  }

  private constructor(
    private readonly deps: LeaderboardDeps,
    readonly jobName: string,
  ) {
    super(
      deps.extensionUri,
      'sagemakerWorkbench.leaderboard',
      vscode.l10n.t('Leaderboard: {0}', jobName),
      'leaderboard',
    );
    this.panel.onDidChangeViewState(() => {
      if (this.showing && this.current?.status === 'InProgress' && !this.timer) this.scheduleLive();
    });
    void this.load();
  }

  load(): Promise<void> {
    this.loading = (async () => {
      await this.post({ type: 'busy', busy: true });
      const { session } = this.deps;
      try {
        const [job, candidates] = await Promise.all([
          describeAutoMlJobV2(session.clients, this.jobName),
          allCandidates(session.clients, this.jobName),
        ]);
        this.candidates = candidates;
        const objectiveName =
          job.AutoMLJobObjective?.MetricName ??
          job.BestCandidate?.FinalAutoMLJobObjectiveMetric?.MetricName ??
          candidates[0]?.FinalAutoMLJobObjectiveMetric?.MetricName ??
          'objective';
        const maximize = objectiveIsMaximized(
          objectiveName,
          job.BestCandidate?.FinalAutoMLJobObjectiveMetric?.Type ?? candidates[0]?.FinalAutoMLJobObjectiveMetric?.Type,
        );
        const rows = leaderboardRows(candidates, maximize);
        const end = job.EndTime ?? new Date();
        this.current = {
          jobName: this.jobName,
          status: job.AutoMLJobStatus ?? 'Unknown',
          secondaryStatus: job.AutoMLJobSecondaryStatus,
          problemType:
            job.ResolvedAttributes?.AutoMLProblemTypeResolvedAttributes?.TabularResolvedAttributes?.ProblemType ??
            job.AutoMLProblemTypeConfig?.TabularJobConfig?.ProblemType,
          objectiveName,
          maximize,
          metricNames: metricColumns(rows, objectiveName),
          rows,
          elapsedSeconds: job.CreationTime
            ? Math.round((end.getTime() - job.CreationTime.getTime()) / 1000)
            : undefined,
          failureReason: job.FailureReason,
          notebooks: {
            dataExploration: job.AutoMLJobArtifacts?.DataExplorationNotebookLocation,
            candidateDefinition: job.AutoMLJobArtifacts?.CandidateDefinitionNotebookLocation,
          },
          explainability: await this.explainability(
            job.BestCandidate?.CandidateProperties?.CandidateArtifactLocations?.Explainability,
          ),
          modelQuality: await this.modelQuality(
            job.BestCandidate?.CandidateProperties?.CandidateArtifactLocations?.ModelInsights,
          ),
          loadedAt: new Date().toISOString(),
        };
      } catch (error) {
        const text = toUserError(error, session, 'sagemaker', 'ListCandidatesForAutoMLJob').message;
        this.current = {
          ...(this.current ?? {
            jobName: this.jobName,
            status: 'Unknown',
            objectiveName: 'objective',
            maximize: true,
            metricNames: [],
            rows: [],
            notebooks: {},
            loadedAt: new Date().toISOString(),
          }),
          notice: { kind: 'error', text },
        };
      }
      await this.post({ type: 'model', model: this.current });
      await this.post({ type: 'busy', busy: false });
      if (this.current.status === 'InProgress' && this.showing) this.scheduleLive();
    })();
    return this.loading;
  }

  /** While the job runs and the panel is visible, read it again so candidates appear as they are trained. */
  private scheduleLive(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.showing) void this.load();
    }, LIVE_SECONDS * 1000);
  }

  /**
   * Reads one of the best candidate's reports (a few KB of JSON under the artefact prefix): absent when the
   * job wrote none; an oversized (`tooLarge`), unreadable or odd report is said (with `unreadable`), never fatal.
   */
  private async bestCandidateReport<R extends object>(
    prefix: string | undefined,
    file: string,
    tooLarge: () => string,
    read: (text: string) => R,
    unreadable: (error: Error) => string,
  ): Promise<({ location: string } & (R | { problem: string })) | undefined> {
    if (!prefix) return undefined;
    const location = `${prefix.replace(/\/$/, '')}/${file}`;
    const where = parseS3Uri(location)!;
    let got;
    try {
      got = await readSmallObject(this.deps.session.clients, where.bucket, where.key, MAX_REPORT_BYTES);
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404 || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      return { location, problem: toUserError(error, this.deps.session, 's3', 'GetObject').message };
    }
    if ('tooLarge' in got) return { location, problem: tooLarge() };
    try {
      return { location, ...read(got.text) };
    } catch (error) {
      return { location, problem: unreadable(error as Error) };
    }
  }

  /** The best candidate's Clarify analysis: feature importance. */
  private explainability(prefix: string | undefined): Promise<LeaderboardModel['explainability']> {
    return this.bestCandidateReport(
      prefix,
      'analysis.json',
      () => vscode.l10n.t('The analysis is larger than 5 MB; open it from S3.'),
      (text) => ({ features: globalShapValues(text) }),
      (e) => vscode.l10n.t('The analysis could not be read: {0}', e.message),
    );
  }

  /** The best candidate's model insights report: its validation metrics. */
  private modelQuality(prefix: string | undefined): Promise<LeaderboardModel['modelQuality']> {
    return this.bestCandidateReport(
      prefix,
      'report.json',
      () => vscode.l10n.t('The report is larger than 5 MB; open it from S3.'),
      (text) => {
        const doc = JSON.parse(text) as { metrics?: Record<string, { value?: unknown }> };
        const metrics = Object.entries(doc.metrics ?? {})
          .filter(([, m]) => typeof m?.value === 'number')
          .map(([name, m]) => ({ name, value: m.value as number }));
        return metrics.length
          ? { metrics }
          : { problem: vscode.l10n.t('The report has no metrics section this panel can read; open it to see it.') };
      },
      (e) => vscode.l10n.t('The report is not JSON: {0}', e.message),
    );
  }

  async openModelQuality(): Promise<vscode.TextDocument | undefined> {
    return this.openReport(this.current?.modelQuality?.location);
  }

  async openExplainability(): Promise<vscode.TextDocument | undefined> {
    return this.openReport(this.current?.explainability?.location);
  }

  private async openReport(s3Uri: string | undefined): Promise<vscode.TextDocument | undefined> {
    const location = parseS3Uri(s3Uri);
    if (!location) return undefined;
    const content = await readObjectText(this.deps.session.clients, location.bucket, location.key);
    const document = await vscode.workspace.openTextDocument({ content, language: 'json' });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    return document;
  }

  /** The leaderboard as CSV (the table's columns, best first). */
  csv(): string {
    return this.current ? leaderboardCsv(this.current.rows, this.current.metricNames) : '';
  }

  async exportCsv(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri =
      target ??
      (await window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, `${this.jobName}-leaderboard.csv`) : undefined,
        filters: { CSV: ['csv'] },
      }));
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, Buffer.from(this.csv()));
    return uri;
  }

  /** Downloads a notebook the job generated and opens it in the notebook editor. */
  async openNotebook(
    which: 'dataExploration' | 'candidateDefinition',
    folder?: vscode.Uri,
  ): Promise<vscode.NotebookDocument | undefined> {
    const s3 = this.current?.notebooks[which];
    const location = parseS3Uri(s3);
    if (!location) {
      void window.showInformationMessage(
        which === 'dataExploration'
          ? vscode.l10n.t(
              '{0} has no data exploration notebook (ensembling jobs and unfinished jobs do not write them).',
              this.jobName,
            )
          : vscode.l10n.t(
              '{0} has no candidate definition notebook (ensembling jobs and unfinished jobs do not write them).',
              this.jobName,
            ),
      );
      return undefined;
    }
    if (!vscode.workspace.isTrusted)
      throw new Error(
        vscode.l10n.t(
          'Downloading the notebook into the workspace needs a trusted workspace (Manage Workspace Trust).',
        ),
      );
    const body = await readObjectBytes(this.deps.session.clients, location.bucket, location.key);
    const dir = folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!dir) throw new Error(vscode.l10n.t('Open a folder to download the notebook into.'));
    const file = vscode.Uri.joinPath(dir, `${this.jobName}-${path.posix.basename(location.key)}`);
    await vscode.workspace.fs.writeFile(file, body);
    const notebook = await vscode.workspace.openNotebookDocument(file);
    await vscode.window.showNotebookDocument(notebook, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    return notebook;
  }

  candidate(name: string): AutoMLCandidate | undefined {
    return this.candidates.find((c) => c.CandidateName === name);
  }

  protected async onMessage(message: FromWebview): Promise<void> {
    try {
      switch (message.type) {
        case 'ready':
          if (this.current) await this.post({ type: 'model', model: this.current });
          return;
        case 'refresh':
          return this.load();
        case 'rendered':
          if (typeof message.ms === 'number')
            this.lastRender = {
              what: message.what === 'sort' ? 'sort' : 'model',
              ms: message.ms,
              rows: Number(message.rows) || 0,
              heapBytes: typeof message.heapBytes === 'number' ? message.heapBytes : undefined,
            };
          return;
        case 'exportCsv': {
          const uri = await this.exportCsv();
          if (uri)
            void window.showInformationMessage(
              vscode.l10n.t(
                'Saved the leaderboard of {0} ({1} candidates) to {2}.',
                this.jobName,
                this.current?.rows.length ?? 0,
                vscode.workspace.asRelativePath(uri),
              ),
            );
          return;
        }
        case 'openExplainability':
          await this.openExplainability();
          return;
        case 'openModelQuality':
          await this.openModelQuality();
          return;
        case 'openNotebook':
          if (message.which === 'dataExploration' || message.which === 'candidateDefinition')
            await this.openNotebook(message.which);
          return;
        case 'deploy':
        case 'register': {
          // Only a candidate this panel listed: the webview names it, the extension looks it up.
          const candidate = typeof message.candidate === 'string' ? this.candidate(message.candidate) : undefined;
          if (candidate)
            await this.deps.onCandidate(
              message.type === 'deploy' ? 'deployModel' : 'registerModel',
              this.jobName,
              candidate,
            );
          return;
        }
      }
    } catch (error) {
      void window.showErrorMessage(toUserError(error, this.deps.session, 's3', 'GetObject').message);
    }
  }
}
