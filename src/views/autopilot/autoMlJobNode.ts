// An Autopilot job: status and secondary status from the list call; expanding it describes it once (problem
// type, objective, best candidate) and lists its candidates best first, a page at a time.
import * as vscode from 'vscode';
import type { AutoMLCandidate, AutoMLJobSummary } from '@aws-sdk/client-sagemaker';
import { describeAutoMlJobFacts, listCandidatesPage, type AutoMlJobFacts } from '../../aws/sagemaker/autoMlApi';
import type { AwsSession } from '../../session/awsSession';
import { pageSize } from '../../session/pageSize';
import { toUserError } from '../../ui/showAwsError';
import { candidateSortOrder } from '../../model/autoMlObjective';
import { consoleUrls } from '../../model/consoleUrls';
import { jobDuration } from '../../model/durations';
import type { ExplorerNode, ResourceRef } from '../tree/explorerNode';
import { PagedGroupNode } from '../tree/pagedGroupNode';
import { statusIcon } from '../tree/statusIcon';
import { CandidateNode } from './candidateNode';
import { factsTooltip } from '../tree/tooltip';

export class AutoMlJobNode extends PagedGroupNode<AutoMLCandidate> implements ExplorerNode {
  readonly resource: ResourceRef;
  private factsPromise?: Promise<AutoMlJobFacts>;
  private facts?: AutoMlJobFacts;

  constructor(
    private summaryValue: AutoMLJobSummary,
    private readonly session: AwsSession,
    region: string,
    private readonly changed: (node: ExplorerNode) => void,
  ) {
    const name = summaryValue.AutoMLJobName ?? '';
    const id = `autoMlJob:${region}:${name}`;
    super({
      id,
      label: name,
      icon: 'rocket',
      noun: vscode.l10n.t('candidates yet'),
      // The sort direction follows the objective, which only the job's description names.
      fetch: async (token) => {
        const facts = await this.loadFacts();
        const best = facts.bestCandidate?.FinalAutoMLJobObjectiveMetric;
        return listCandidatesPage(
          session.clients,
          name,
          token,
          candidateSortOrder(facts.objectiveMetric, best?.Type),
          pageSize(),
        );
      },
      toNode: (candidate) => new CandidateNode(candidate, id, name, region),
      changed: (node) => changed(node),
      describeError: (error) =>
        toUserError(error, session, 'sagemaker', this.facts ? 'ListCandidatesForAutoMLJob' : 'DescribeAutoMLJobV2')
          .message,
    });
    this.resource = {
      kind: 'automl-job',
      name,
      arn: summaryValue.AutoMLJobArn,
      region,
      consoleUrl: consoleUrls.autoMlJob(region, name),
      describe: async () => (await describeAutoMlJobFacts(session.clients, name)).raw,
    };
  }

  get summary(): AutoMLJobSummary {
    return this.summaryValue;
  }

  /** A newer list result: a job that moved on is described and listed again when next expanded. */
  update(summary: AutoMLJobSummary): void {
    const before = this.summaryValue;
    this.summaryValue = summary;
    if (
      before.AutoMLJobStatus !== summary.AutoMLJobStatus ||
      before.AutoMLJobSecondaryStatus !== summary.AutoMLJobSecondaryStatus ||
      before.LastModifiedTime?.getTime() !== summary.LastModifiedTime?.getTime()
    ) {
      this.factsPromise = undefined;
      this.reset();
    }
  }

  private loadFacts(): Promise<AutoMlJobFacts> {
    if (!this.factsPromise) {
      const pending = describeAutoMlJobFacts(this.session.clients, this.resource.name);
      this.factsPromise = pending;
      pending.then(
        (facts) => {
          const first = !this.facts;
          this.facts = facts;
          // Re-render the job with its problem type once known.
          if (first) this.changed(this);
        },
        () => {
          if (this.factsPromise === pending) this.factsPromise = undefined;
        },
      );
    }
    return this.factsPromise;
  }

  override getTreeItem(): vscode.TreeItem {
    const s = this.summaryValue;
    const item = new vscode.TreeItem(s.AutoMLJobName ?? '', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const secondary = s.AutoMLJobSecondaryStatus !== s.AutoMLJobStatus ? s.AutoMLJobSecondaryStatus : undefined;
    item.description = [s.AutoMLJobStatus, secondary, this.facts?.problemType].filter(Boolean).join(' · ');
    item.iconPath = statusIcon(s.AutoMLJobStatus);
    item.contextValue = `resource:autoMlJob:${s.AutoMLJobStatus ?? 'Unknown'}`;
    item.tooltip = factsTooltip(s.AutoMLJobName ?? '', [
      [vscode.l10n.t('Status'), s.AutoMLJobStatus],
      [vscode.l10n.t('Secondary status'), s.AutoMLJobSecondaryStatus],
      [vscode.l10n.t('Problem type'), this.facts?.problemType],
      [vscode.l10n.t('Objective'), this.facts?.objectiveMetric],
      [vscode.l10n.t('Best candidate'), this.facts?.bestCandidate?.CandidateName],
      [vscode.l10n.t('Created'), s.CreationTime?.toLocaleString()],
      [vscode.l10n.t('Running time'), jobDuration(s.CreationTime, s.EndTime)],
      [vscode.l10n.t('Failure reason'), s.FailureReason],
    ]);
    return item;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    const nodes = await super.getChildren();
    const best = this.facts?.bestCandidate;
    if (!best?.CandidateName) return nodes;
    const rest = nodes.filter((n) => !(n instanceof CandidateNode && n.candidate.CandidateName === best.CandidateName));
    const empty = rest.length === 1 && rest[0].id.endsWith('/empty');
    return [new CandidateNode(best, this.id, this.resource.name, this.resource.region, true), ...(empty ? [] : rest)];
  }
}
