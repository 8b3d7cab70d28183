// AutoGluon's SummaryOfModels.html from a job's model.tar.gz, shown as the page it is but inert: the
// webview runs no scripts (VS Code sandboxes it without allow-scripts) and a Content-Security-Policy put
// before the page's own markup allows nothing but inline styles and data: images, so the bokeh script
// the page carries, and anything else in it, never runs or loads.
import * as vscode from 'vscode';
import { readArchiveEntries } from '../../aws/s3/archiveEntries';
import { describeTrainingJob } from '../../aws/sagemaker/trainingJobsApi';
import type { AwsSession } from '../../session/awsSession';

export const SUMMARY_FILE = 'SummaryOfModels.html';
// l10n-exempt: a Content-Security-Policy, not text
export const INERT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const open = new Map<string, vscode.WebviewPanel>();

/** The page open for a job (the newest one opened), if any. */
export function openSummaryOfModelsPanel(region: string, jobName: string): vscode.WebviewPanel | undefined {
  return open.get(`${region}/${jobName}`);
}

export function inertPage(html: string): string {
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${INERT_CSP}"></head><body>${html}</body></html>`;
}

/**
 * Reads the page out of the job's artefact and opens it; says why when there is none. `knownArtefact`: the
 * completed job's model.tar.gz when the caller has it (the AutoGluon panel), so the job is not described again.
 */
export async function openSummaryOfModels(
  session: AwsSession,
  jobName: string,
  knownArtefact?: string,
): Promise<vscode.WebviewPanel> {
  const key = `${session.current.region}/${jobName}`;
  let artefact = knownArtefact;
  if (!artefact) {
    const job = await describeTrainingJob(session.clients, jobName);
    artefact = job.ModelArtifacts?.S3ModelArtifacts;
    if (job.TrainingJobStatus !== 'Completed' || !artefact)
      throw new Error(
        vscode.l10n.t(
          '{0} is {1}; {2} is in its model.tar.gz once it completes.',
          jobName,
          job.TrainingJobStatus ?? vscode.l10n.t('not finished'),
          SUMMARY_FILE,
        ),
      );
  }
  const read = await readArchiveEntries(session.clients, artefact, [SUMMARY_FILE]);
  const html = read.files[SUMMARY_FILE];
  if (html === undefined)
    throw new Error(
      vscode.l10n.t(
        '{0} has no {1} (train.py writes it with predictor.fit_summary(show_plot=True)).',
        artefact,
        SUMMARY_FILE,
      ),
    );
  const panel = vscode.window.createWebviewPanel(
    'sagemakerWorkbench.summaryOfModels',
    vscode.l10n.t('{0}: {1}', SUMMARY_FILE, jobName),
    vscode.ViewColumn.Active,
    { enableScripts: false, localResourceRoots: [] },
  );
  panel.webview.html = inertPage(html);
  open.get(key)?.dispose();
  open.set(key, panel);
  panel.onDidDispose(() => {
    if (open.get(key) === panel) open.delete(key);
  });
  return panel;
}
