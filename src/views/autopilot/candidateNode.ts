// An Autopilot candidate: its objective metric value and status, as ListCandidatesForAutoMLJob returned it
// (there is no describe call for a candidate: Show Details shows that record). The best candidate is starred.
import * as vscode from 'vscode';
import type { AutoMLCandidate } from '@aws-sdk/client-sagemaker';
import { formatMetricValue } from '../../model/autoMlObjective';
import { consoleUrls } from '../../model/consoleUrls';
import type { ExplorerNode, ResourceRef } from '../tree/explorerNode';
import { statusIcon } from '../tree/statusIcon';

export class CandidateNode implements ExplorerNode {
  readonly id: string;
  readonly resource: ResourceRef;

  constructor(readonly candidate: AutoMLCandidate, jobId: string, jobName: string, region: string, readonly best = false) {
    const name = candidate.CandidateName ?? '';
    this.id = `${jobId}/${best ? 'best' : 'candidate'}:${name}`;
    this.resource = {
      kind: 'automl-candidate', name, region,
      consoleUrl: consoleUrls.autoMlJob(region, jobName),
      describe: async () => candidate,
    };
  }

  getTreeItem(): vscode.TreeItem {
    const c = this.candidate;
    const metric = c.FinalAutoMLJobObjectiveMetric;
    const item = new vscode.TreeItem(c.CandidateName ?? '', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const score = metric ? `${metric.MetricName ?? 'objective'} ${formatMetricValue(metric.Value)}` : undefined;
    item.description = [this.best ? 'best' : undefined, score, c.CandidateStatus].filter(Boolean).join(' · ');
    item.iconPath = this.best
      ? new vscode.ThemeIcon('star-full', new vscode.ThemeColor('charts.yellow'))
      : statusIcon(c.CandidateStatus);
    item.contextValue = `resource:autoMlCandidate:${c.CandidateStatus ?? 'Unknown'}`;
    const md = new vscode.MarkdownString();
    md.appendMarkdown('**').appendText(c.CandidateName ?? '').appendMarkdown(this.best ? '** (best candidate)\n\n' : '**\n\n');
    md.appendMarkdown('| | |\n|---|---|\n');
    const row = (k: string, v: string | undefined) => {
      if (v) md.appendMarkdown(`| ${k} | `).appendText(v.replace(/\|/g, '/')).appendMarkdown(' |\n');
    };
    row('Objective', metric ? `${metric.MetricName ?? '?'} = ${metric.Value ?? '?'}${metric.Type ? ` (${metric.Type})` : ''}` : undefined);
    row('Status', c.CandidateStatus);
    row('Objective status', c.ObjectiveStatus);
    row('Steps', c.CandidateSteps?.map((s) => s.CandidateStepType?.replace(/^AWS::SageMaker::/, '')).join(', '));
    row('Inference containers', c.InferenceContainers?.map((i) => i.Image ?? '?').join(', '));
    row('Failure reason', c.FailureReason);
    item.tooltip = md;
    return item;
  }
}
