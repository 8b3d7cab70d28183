// The Release Review panel: the evidence for one pipeline's waiting approval beside Approve and Reject.
// One panel per pipeline; it reads everything again on open, on Refresh and after a decision, so the
// token it decides with is always the one AWS has now.
import * as vscode from 'vscode';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { window } from '../../ui/window';
import type { PendingApproval } from '../../model/codePipelineState';
import { isAwsConsoleUrl } from '../../model/consoleUrls';
import type { ApprovalDecision, Evidence } from '../../model/releaseApproval';
import type { FromWebview, ReleaseReviewModel, ToWebview } from '../protocol/releaseReview';
import { panelFor, WebviewPanelBase } from '../webviewPanelBase';
import { loadReleaseReview, type ReleaseReviewData } from './releaseReviewData';

/** How a decision made from the panel ended; its message is shown above the buttons. */
export interface PanelDecision {
  outcome: string;
  message?: string;
}

export interface ReleaseReviewDeps {
  extensionUri: vscode.Uri;
  session: AwsSession;
  /** The configured template of the pipeline's evaluation.json (setting `evaluationReportLocations`), if any. */
  reportLocation(pipelineName: string): string | undefined;
  /** Decides the approval as the Approve / Reject commands do (asks, confirms, tells the user). */
  decide(approval: PendingApproval, decision: ApprovalDecision, evidence: Evidence | undefined): Promise<PanelDecision>;
}

export class ReleaseReviewPanel extends WebviewPanelBase<ToWebview, FromWebview> {
  private static readonly open = new Map<string, ReleaseReviewPanel>();
  private data?: ReleaseReviewData;
  private loading?: Promise<void>;
  private notice?: ReleaseReviewModel['notice'];

  static show(deps: ReleaseReviewDeps, pipelineName: string): ReleaseReviewPanel {
    return panelFor(
      ReleaseReviewPanel.open,
      `${deps.session.current.region}/${pipelineName}`,
      () => new ReleaseReviewPanel(deps, pipelineName),
      (existing) => void existing.load(),
    );
  }

  private constructor(
    private readonly deps: ReleaseReviewDeps,
    readonly pipelineName: string,
  ) {
    super(
      deps.extensionUri,
      'sagemakerWorkbench.releaseReview',
      vscode.l10n.t('Review: {0}', pipelineName),
      'releaseReview',
    );
    void this.load();
  }

  /** The model last sent to the webview (tests read it). */
  get model(): ReleaseReviewModel | undefined {
    return this.data?.model;
  }

  /** Resolves when the current load has been posted. */
  whenLoaded(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }

  load(): Promise<void> {
    this.loading = (async () => {
      await this.post({ type: 'busy', busy: true, what: vscode.l10n.t('Reading the release…') });
      try {
        this.data = await loadReleaseReview(
          this.deps.session.clients,
          this.deps.session.current.region,
          this.pipelineName,
          this.deps.reportLocation(this.pipelineName),
        );
        this.data.model.notice = this.notice;
        await this.post({ type: 'model', model: this.data.model });
      } catch (error) {
        const text = toUserError(error, this.deps.session, 'codepipeline', 'GetPipelineState').message;
        const model: ReleaseReviewModel = this.data?.model ?? {
          pipelineName: this.pipelineName,
          region: this.deps.session.current.region,
          stages: [],
          commits: [],
          loadedAt: new Date().toISOString(),
        };
        await this.post({ type: 'model', model: { ...model, notice: { kind: 'error', text } } });
      } finally {
        await this.post({ type: 'busy', busy: false });
      }
    })();
    return this.loading;
  }

  async decide(decision: ApprovalDecision): Promise<void> {
    const approval = this.data?.approval;
    if (!approval) {
      this.notice = { kind: 'warning', text: vscode.l10n.t('Nothing waits for approval in this pipeline now.') };
      await this.load();
      return;
    }
    // The panel already read this execution's report: the confirmation shows it without reading it again.
    const report = this.data?.model.report;
    const evidence = report && { location: report.location, report };
    const result = await this.deps.decide(approval, decision, evidence);
    if (result.outcome === 'cancelled') return;
    this.notice = result.message
      ? {
          kind: result.outcome === 'failed' ? 'error' : result.outcome === 'refused' ? 'warning' : 'info',
          text: result.message,
        }
      : undefined;
    await this.load();
  }

  protected async onMessage(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        if (this.data) await this.post({ type: 'model', model: this.data.model });
        return;
      case 'refresh':
        this.notice = undefined;
        return this.load();
      case 'approve':
        return this.decide('Approved');
      case 'reject':
        return this.decide('Rejected');
      case 'openCommitChanges':
        // Only a commit this panel showed.
        if (
          this.data?.model.commits.some((c) => c.repository === message.repository && c.commitId === message.commitId)
        ) {
          await vscode.commands.executeCommand(
            'sagemakerWorkbench.openCommitChanges',
            message.repository,
            message.commitId,
          );
        }
        return;
      case 'openExternal':
        // Only links the panel itself built (AWS console, S3 console) are opened.
        if (isAwsConsoleUrl(message.url)) {
          await window.openExternal(vscode.Uri.parse(message.url));
        }
        return;
    }
  }
}
