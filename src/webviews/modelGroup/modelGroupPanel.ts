// The Model Group panel: every version of a model package group with its approval status, creation, who or
// what created it and its model quality metrics; a chart of each metric across versions; two versions side
// by side. Approve, Reject and Deploy act on a row with the same prompts as the tree's commands, and the
// tree and the panel show the result at once.
import * as vscode from 'vscode';
import type { ModelPackageSummary } from '@aws-sdk/client-sagemaker';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import type { DecidableVersion, DecisionOutcome, ModelDecision } from '../../model/modelApproval';
import type { FromWebview, ModelGroupModel, ToWebview, VersionRow } from '../protocol/modelGroup';
import { ModelPanelBase, panelFor } from '../webviewPanelBase';
import { readGroup, readVersionsPage } from './modelGroupData';

export interface ModelGroupDeps {
  extensionUri: vscode.Uri;
  session: AwsSession;
  /** The registry view should read the group again. */
  registryChanged(): void;
  /** Approves or rejects a version with the same prompts as the tree's commands (and shows how it ended). */
  decide(version: DecidableVersion, decision: ModelDecision): Promise<DecisionOutcome>;
}

export class ModelGroupPanel extends ModelPanelBase<ToWebview, FromWebview, ModelGroupModel> {
  private static readonly open = new Map<string, ModelGroupPanel>();
  private summaries = new Map<string, ModelPackageSummary>();
  private nextToken?: string;

  static show(deps: ModelGroupDeps, group: string): ModelGroupPanel {
    return panelFor(
      ModelGroupPanel.open,
      `${deps.session.current.region}/${group}`,
      () => new ModelGroupPanel(deps, group),
    );
  }

  private constructor(
    private readonly deps: ModelGroupDeps,
    readonly group: string,
  ) {
    super(deps.extensionUri, 'sagemakerWorkbench.modelGroup', vscode.l10n.t('Model group: {0}', group), 'modelGroup');
    void this.load();
  }

  /** Reads the group and its newest versions again (or, with `more`, the next older page). */
  load(more = false, notice?: ModelGroupModel['notice']): Promise<void> {
    this.loading = (async () => {
      await this.post({ type: 'busy', busy: true });
      const { session } = this.deps;
      try {
        const [group, page] = await Promise.all([
          readGroup(session, this.group),
          readVersionsPage(session, this.group, more ? this.nextToken : undefined),
        ]);
        if (!more) this.summaries.clear();
        for (const { summary } of page.rows) this.summaries.set(summary.ModelPackageArn ?? '', summary);
        this.nextToken = page.nextToken;
        const rows: VersionRow[] = [...(more ? (this.current?.versions ?? []) : []), ...page.rows.map((r) => r.row)];
        this.current = {
          group: this.group,
          description: group.ModelPackageGroupDescription,
          region: session.current.region,
          versions: rows,
          hasMore: !!page.nextToken,
          notice,
          loadedAt: new Date().toISOString(),
        };
      } catch (error) {
        const text = toUserError(error, session, 'sagemaker', 'ListModelPackages').message;
        this.current = {
          group: this.group,
          region: session.current.region,
          versions: this.current?.versions ?? [],
          hasMore: false,
          notice: { kind: 'error', text },
          loadedAt: new Date().toISOString(),
        };
      }
      await this.post({ type: 'model', model: this.current });
      await this.post({ type: 'busy', busy: false });
    })();
    return this.loading;
  }

  /** Approve or reject one version (asks for the comment and confirmation like the tree does). */
  async decide(arn: string, decision: ModelDecision): Promise<DecisionOutcome> {
    const summary = this.summaries.get(arn);
    const row = this.current?.versions.find((v) => v.arn === arn);
    if (!summary || !row)
      return {
        outcome: 'failed',
        message: vscode.l10n.t('Version {0} is not in the panel any more; refresh it.', arn),
      };
    const result = await this.deps.decide(
      {
        summary,
        metrics: async () => row.metrics.map((m) => ({ family: 'regression', ...m })),
        approvalChanged: () => this.deps.registryChanged(),
      },
      decision,
    );
    if (result.outcome === 'decided') await this.load(false, { kind: 'info', text: result.message ?? '' });
    return result;
  }

  protected async onMessage(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        if (this.current) await this.post({ type: 'model', model: this.current });
        return;
      case 'refresh':
        return this.load();
      case 'loadMore':
        return this.load(true);
      case 'approve':
        await this.decide(message.arn, 'Approved');
        return;
      case 'reject':
        await this.decide(message.arn, 'Rejected');
        return;
      case 'deploy':
        // Only a version this panel listed; the deploy wizard then asks everything and confirms.
        if (this.current?.versions.some((v) => v.arn === message.arn))
          await vscode.commands.executeCommand('sagemakerWorkbench.deployModel', message.arn);
        return;
    }
  }
}
