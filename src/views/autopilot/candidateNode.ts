// An Autopilot candidate: its objective metric value and status, as ListCandidatesForAutoMLJob returned it
// (there is no describe call for a candidate: Show Details shows that record). The best candidate is starred.
import * as vscode from 'vscode';
import type { AutoMLCandidate } from '@aws-sdk/client-sagemaker';
import { formatMetricValue } from '../../model/autoMlObjective';
import { consoleUrls } from '../../model/consoleUrls';
import type { ExplorerNode, ResourceRef } from '../tree/explorerNode';
import { statusIcon } from '../tree/statusIcon';
import { factsTooltip } from '../tree/tooltip';

export class CandidateNode implements ExplorerNode {
  readonly id: string;
  readonly resource: ResourceRef;

  constructor(
    readonly candidate: AutoMLCandidate,
    jobId: string,
    readonly jobName: string,
    region: string,
    readonly best = false,
  ) {
    const name = candidate.CandidateName ?? '';
    this.id = `${jobId}/${best ? 'best' : 'candidate'}:${name}`;
    this.resource = {
      kind: 'automl-candidate',
      name,
      region,
      consoleUrl: consoleUrls.autoMlJob(region, jobName),
      describe: async () => candidate,
    };
  }

  getTreeItem(): vscode.TreeItem {
    const c = this.candidate;
    const metric = c.FinalAutoMLJobObjectiveMetric;
    const item = new vscode.TreeItem(c.CandidateName ?? '', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const score = metric
      ? vscode.l10n.t('{0} {1}', metric.MetricName ?? vscode.l10n.t('objective'), formatMetricValue(metric.Value))
      : undefined;
    item.description = [this.best ? vscode.l10n.t('best') : undefined, score, c.CandidateStatus]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = this.best
      ? new vscode.ThemeIcon('star-full', new vscode.ThemeColor('charts.yellow'))
      : statusIcon(c.CandidateStatus);
    item.contextValue = `resource:autoMlCandidate:${c.CandidateStatus ?? 'Unknown'}`;
    item.tooltip = factsTooltip(
      c.CandidateName ?? '',
      [
        [
          vscode.l10n.t('Objective'),
          metric
            ? `${metric.MetricName ?? '?'} = ${metric.Value ?? '?'}${metric.Type ? ` (${metric.Type})` : ''}`
            : undefined,
        ],
        [vscode.l10n.t('Status'), c.CandidateStatus],
        [vscode.l10n.t('Objective status'), c.ObjectiveStatus],
        [
          vscode.l10n.t('Steps'),
          c.CandidateSteps?.map((s) => s.CandidateStepType?.replace(/^AWS::SageMaker::/, '')).join(', '),
        ],
        [vscode.l10n.t('Inference containers'), c.InferenceContainers?.map((i) => i.Image ?? '?').join(', ')],
        [vscode.l10n.t('Failure reason'), c.FailureReason],
      ],
      this.best ? vscode.l10n.t('Best candidate of the job') : undefined,
    );
    return item;
  }
}
