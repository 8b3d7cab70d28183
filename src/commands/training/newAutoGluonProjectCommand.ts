// "New AutoGluon Container Project": writes the scaffold (Dockerfile, train.py, serve.py, requirements,
// buildspec.yml, hyperparameters.json, the wizard's sagemaker-training.json, README) into a folder of the
// workspace, from the templates the extension ships (templates/autogluon-project). Only in a trusted
// workspace (the command wrapper checks); existing files are replaced only after the user agrees.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import type { AwsSession } from '../../session/awsSession';
import {
  AUTOGLUON_PROJECT_FILES,
  AUTOGLUON_TEMPLATE_FOLDER,
  accountProblem,
  autoGluonProjectFiles,
  projectNameProblem,
} from '../../model/autoGluonScaffold';
import { accountOfArn } from '../../model/trainingImages';

const TITLE = vscode.l10n.t('New AutoGluon container project');

export type ScaffoldOutcome = {
  outcome: 'created' | 'cancelled' | 'refused';
  message?: string;
  folder?: vscode.Uri;
  files?: string[];
};

/** The folder the project folder is created in: the workspace folder, or one the user picks. */
async function parentFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1)
    return (
      await vscode.window.showWorkspaceFolderPick({
        placeHolder: vscode.l10n.t('Workspace folder to create the project in'),
      })
    )?.uri;
  return (
    await window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      openLabel: vscode.l10n.t('Create the project here'),
    })
  )?.[0];
}

async function readTemplates(extensionUri: vscode.Uri): Promise<Record<string, string>> {
  const folder = vscode.Uri.joinPath(extensionUri, ...AUTOGLUON_TEMPLATE_FOLDER);
  const entries = await Promise.all(
    AUTOGLUON_PROJECT_FILES.map(
      async (file) =>
        [
          file,
          new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, file))),
        ] as const,
    ),
  );
  return Object.fromEntries(entries);
}

export async function createAutoGluonProject(
  session: AwsSession,
  extensionUri: vscode.Uri,
  lastRole: string | undefined,
): Promise<ScaffoldOutcome> {
  const parent = await parentFolder();
  if (!parent) return { outcome: 'cancelled' };
  const name = (
    await window.showInputBox({
      title: TITLE,
      prompt: vscode.l10n.t('Project folder and ECR repository name'),
      value: 'abalone-autogluon',
      validateInput: projectNameProblem,
      ignoreFocusOut: true,
    })
  )?.trim();
  if (!name) return { outcome: 'cancelled' };
  const nameProblem = projectNameProblem(name);
  if (nameProblem) return { outcome: 'refused', message: nameProblem };
  const account = (
    await window.showInputBox({
      title: TITLE,
      prompt: vscode.l10n.t('AWS account id of the ECR registry and the SageMaker default bucket'),
      value: accountOfArn(lastRole),
      validateInput: accountProblem,
      ignoreFocusOut: true,
    })
  )?.trim();
  if (!account) return { outcome: 'cancelled' };
  if (accountProblem(account)) return { outcome: 'refused', message: accountProblem(account) };
  const region = session.current.region;
  const files = autoGluonProjectFiles(await readTemplates(extensionUri), {
    name,
    region,
    account,
    bucket: `sagemaker-${region}-${account}`,
  });
  const folder = vscode.Uri.joinPath(parent, name);
  const existing: string[] = [];
  for (const file of Object.keys(files)) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, file));
      existing.push(file);
    } catch {
      // not there: nothing to replace
    }
  }
  const replace = vscode.l10n.t('Replace');
  if (
    existing.length &&
    (await window.showWarningMessage(
      vscode.l10n.t('Replace {0} existing file(s)?', existing.length),
      { modal: true, detail: existing.join(', ') },
      replace,
    )) !== replace
  )
    return { outcome: 'cancelled' };
  await vscode.workspace.fs.createDirectory(folder);
  for (const [file, content] of Object.entries(files))
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, file), new TextEncoder().encode(content));
  return {
    outcome: 'created',
    folder,
    files: Object.keys(files),
    message: vscode.l10n.t(
      'Created {0} files in {1}: build and push the image (README.md), then right-click the folder → Start Training Job.',
      Object.keys(files).length,
      vscode.workspace.asRelativePath(folder),
    ),
  };
}
