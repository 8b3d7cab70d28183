// Where a team's pipeline writes its evaluation.json when it is not the seeds' `<execution-id>/…/evaluation.json`
// under the artifact bucket: the `sagemakerWorkbench.evaluationReportLocations` setting, one template per
// pipeline. Read here, passed down to the S3 look-up (src/aws reads no settings).
import * as vscode from 'vscode';

export function evaluationReportLocation(pipelineName: string): string | undefined {
  const locations = vscode.workspace
    .getConfiguration('sagemakerWorkbench')
    .get<Record<string, string>>('evaluationReportLocations', {});
  return locations[pipelineName];
}
