// "New AutoGluon Container Project": writes the scaffold (Dockerfile, train.py, serve.py, requirements,
// buildspec.yml, hyperparameters.json, the wizard's sagemaker-training.json, README) into a folder of the
// workspace. Only in a trusted workspace; existing files are replaced only after the user agrees.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import type { AwsSession } from '../../session/awsSession';
import { autoGluonProjectFiles } from '../../model/autoGluonScaffold';
import { accountOfArn } from '../../model/trainingImages';

export interface ScaffoldPrompts {
  /** The folder the project folder is created in. */
  parent(): Thenable<vscode.Uri | undefined>;
  name(value: string, validate: (v: string) => string | undefined): Thenable<string | undefined>;
  account(value: string | undefined, validate: (v: string) => string | undefined): Thenable<string | undefined>;
  replace(existing: string[]): Thenable<boolean>;
}

export type ScaffoldOutcome = { outcome: 'created' | 'cancelled' | 'refused'; message?: string; folder?: vscode.Uri; files?: string[] };

/** An ECR repository name (the folder, the image and the job prefix share it). */
export function projectNameProblem(name: string): string | undefined {
  if (!name) return 'A project name is required';
  if (name.length > 200) return 'A project name has at most 200 characters';
  return /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/.test(name) ? undefined : 'Use lower-case letters, digits and single ".", "_" or "-" between them (it names the ECR repository too)';
}

export const accountProblem = (v: string) => (/^\d{12}$/.test(v.trim()) ? undefined : 'An AWS account id is 12 digits');

export async function createAutoGluonProject(session: AwsSession, lastRole: string | undefined, prompts: ScaffoldPrompts): Promise<ScaffoldOutcome> {
  if (!vscode.workspace.isTrusted) return { outcome: 'refused', message: 'Creating project files needs a trusted workspace (Manage Workspace Trust).' };
  const parent = await prompts.parent();
  if (!parent) return { outcome: 'cancelled' };
  const name = (await prompts.name('abalone-autogluon', projectNameProblem))?.trim();
  if (!name) return { outcome: 'cancelled' };
  const nameProblem = projectNameProblem(name);
  if (nameProblem) return { outcome: 'refused', message: nameProblem };
  const account = (await prompts.account(accountOfArn(lastRole), accountProblem))?.trim();
  if (!account) return { outcome: 'cancelled' };
  if (accountProblem(account)) return { outcome: 'refused', message: accountProblem(account) };
  const region = session.current.region;
  const files = autoGluonProjectFiles({ name, region, account, bucket: `sagemaker-${region}-${account}` });
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
  if (existing.length && !(await prompts.replace(existing))) return { outcome: 'cancelled' };
  await vscode.workspace.fs.createDirectory(folder);
  for (const [file, content] of Object.entries(files)) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, file), new TextEncoder().encode(content));
  return { outcome: 'created', folder, files: Object.keys(files), message: `Created ${Object.keys(files).length} files in ${vscode.workspace.asRelativePath(folder)}: build and push the image (README.md), then right-click the folder → Start Training Job.` };
}

export const scaffoldDialogs: ScaffoldPrompts = {
  parent: async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 1) return folders[0].uri;
    if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder to create the project in' }))?.uri;
    return (await window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Create the project here' }))?.[0];
  },
  name: (value, validate) => window.showInputBox({ title: 'New AutoGluon container project', prompt: 'Project folder and ECR repository name', value, validateInput: validate, ignoreFocusOut: true }),
  account: (value, validate) => window.showInputBox({ title: 'New AutoGluon container project', prompt: 'AWS account id of the ECR registry and the SageMaker default bucket', value, validateInput: validate, ignoreFocusOut: true }),
  replace: async (existing) => (await window.showWarningMessage(`Replace ${existing.length} existing file(s)?`, { modal: true, detail: existing.join(', ') }, 'Replace')) === 'Replace',
};
