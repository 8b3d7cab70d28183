// Lifecycle configurations: create one from a template (the S3 notebook sync of the seeds, stop when idle,
// conda packages), edit its scripts as files, diff a script against what is deployed, delete one (refused
// while an instance uses it). Every value is checked before the call, including that the sync's bucket exists.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { bucketStatus } from '../../aws/s3/notebookSyncObjects';
import { createLifecycleConfig, deleteLifecycleConfig, instancesUsing } from '../../aws/sagemaker/notebookLifecycleApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { resourceNameProblem } from '../../model/deployPlan';
import {
  TEMPLATE_LABELS,
  idleMinutesProblem,
  packagesProblem,
  s3PrefixProblem,
  scriptProblem,
  templateScript,
  type TemplateChoice,
  type TemplateKind,
} from '../../model/lifecycleTemplates';
import { bucketOf } from '../../model/notebookSyncLocation';
import { lifecycleScriptUri, type Hook } from '../../views/notebookInstances/lifecycleScriptFiles';
import { confirmModal } from '../../ui/confirmModal';

interface LifecycleConfigPrompts {
  name(): Thenable<string | undefined>;
  /** The template and its values; 'empty' makes a configuration with an empty script to write. */
  template(): Thenable<TemplateChoice | 'empty' | undefined>;
  confirm(question: string, detail: string, action: string): Thenable<boolean>;
}

export type LifecycleOutcome = {
  outcome: 'done' | 'cancelled' | 'refused' | 'failed';
  message?: string;
  script?: vscode.Uri;
};

async function bucketProblem(session: AwsSession, s3Uri: string): Promise<string | undefined> {
  const bucket = bucketOf(s3Uri);
  try {
    const status = await bucketStatus(session.clients, bucket);
    if (status === 404)
      return vscode.l10n.t(
        'The bucket {0} does not exist; check the name (notebooks are synced from an existing bucket).',
        bucket,
      );
    if (status === 403)
      return vscode.l10n.t(
        "The bucket {0} exists but this profile may not read it; the instance's role needs s3:GetObject on it.",
        bucket,
      );
    return undefined;
  } catch (error) {
    return toUserError(error, session, 's3', 'HeadBucket').message;
  }
}

function templateProblem(choice: TemplateChoice): string | undefined {
  if (choice.kind === 's3-sync') return s3PrefixProblem(choice.s3Uri ?? '');
  if (choice.kind === 'auto-stop') return idleMinutesProblem(String(choice.idleMinutes ?? ''));
  return (
    packagesProblem((choice.packages ?? []).join(' ')) ??
    (/^[A-Za-z0-9_.-]+$/.test(choice.environment ?? '')
      ? undefined
      : vscode.l10n.t('Name the conda environment, e.g. python3 or pytorch_p310'))
  );
}

/** The dialogs of Create Lifecycle Configuration: a name, a template and its values, a confirmation. */
const lifecycleDialogs: LifecycleConfigPrompts = {
  name: () =>
    window.showInputBox({
      title: vscode.l10n.t('New lifecycle configuration'),
      prompt: vscode.l10n.t('Name'),
      ignoreFocusOut: true,
      validateInput: (v) => resourceNameProblem(v, vscode.l10n.t('A lifecycle configuration name')),
    }),
  template: async () => {
    const kinds = Object.entries(TEMPLATE_LABELS) as Array<[TemplateKind, { label: string; detail: string }]>;
    const picked = await window.showQuickPick(
      [
        ...kinds.map(([template, t]) => ({ ...t, template: template as TemplateKind | 'empty' })),
        {
          label: vscode.l10n.t('Empty'),
          detail: vscode.l10n.t('write the on-start script yourself'),
          template: 'empty' as const,
        },
      ],
      { title: vscode.l10n.t('Start from'), ignoreFocusOut: true },
    );
    if (!picked) return undefined;
    if (picked.template === 'empty') return 'empty';
    if (picked.template === 's3-sync') {
      const s3Uri = await window.showInputBox({
        title: vscode.l10n.t('Sync notebooks from S3'),
        prompt: vscode.l10n.t('Bucket and prefix the notebooks are copied from'),
        placeHolder: 's3://ml-pipeline-bucket/lab-1/scripts/',
        ignoreFocusOut: true,
        validateInput: s3PrefixProblem,
      });
      return s3Uri === undefined ? undefined : { kind: 's3-sync', s3Uri };
    }
    if (picked.template === 'auto-stop') {
      const idle = await window.showInputBox({
        title: vscode.l10n.t('Stop when idle'),
        prompt: vscode.l10n.t('Idle minutes before the instance stops'),
        value: '60',
        ignoreFocusOut: true,
        validateInput: idleMinutesProblem,
      });
      return idle === undefined ? undefined : { kind: 'auto-stop', idleMinutes: Number(idle) };
    }
    const environment = await window.showInputBox({
      title: vscode.l10n.t('Conda environment'),
      value: 'python3',
      ignoreFocusOut: true,
    });
    if (environment === undefined) return undefined;
    const packages = await window.showInputBox({
      title: vscode.l10n.t('Packages to install into {0}', environment),
      placeHolder: 'autogluon==0.8.2 lightgbm',
      ignoreFocusOut: true,
      validateInput: packagesProblem,
    });
    return packages === undefined
      ? undefined
      : { kind: 'conda-packages', environment, packages: packages.trim().split(/\s+/) };
  },
  confirm: confirmModal,
};

export async function createLifecycleConfigFromTemplate(
  session: AwsSession,
  changed: () => void,
): Promise<LifecycleOutcome> {
  const prompts = lifecycleDialogs;
  const name = await prompts.name();
  if (name === undefined) return { outcome: 'cancelled' };
  const nameProblem = resourceNameProblem(name, vscode.l10n.t('A lifecycle configuration name'));
  if (nameProblem) return { outcome: 'refused', message: nameProblem };
  const choice = await prompts.template();
  if (!choice) return { outcome: 'cancelled' };
  // l10n-exempt: the contents of the script the extension writes to AWS
  let script = '#!/bin/bash\nset -e\n# Runs as root every time the notebook instance starts (5-minute limit).\n';
  if (choice !== 'empty') {
    const problem =
      templateProblem(choice) ?? (choice.kind === 's3-sync' ? await bucketProblem(session, choice.s3Uri!) : undefined);
    if (problem) return { outcome: 'refused', message: problem };
    script = templateScript(choice);
  }
  const tooLong = scriptProblem(script, 'on-start');
  if (tooLong) return { outcome: 'refused', message: tooLong };
  const detail =
    choice === 'empty'
      ? vscode.l10n.t(
          'With an on-start script to write. It runs on instances that use it from their next start; the script opens for editing afterwards.',
        )
      : vscode.l10n.t(
          'With the "{0}" on-start script. It runs on instances that use it from their next start; the script opens for editing afterwards.',
          TEMPLATE_LABELS[choice.kind].label,
        );
  if (
    !(await prompts.confirm(
      vscode.l10n.t('Create lifecycle configuration {0}?', name),
      detail,
      vscode.l10n.t('Create'),
    ))
  )
    return { outcome: 'cancelled' };
  try {
    await createLifecycleConfig(session.clients, name, '', script);
  } catch (error) {
    return {
      outcome: 'failed',
      message: toUserError(error, session, 'sagemaker', 'CreateNotebookInstanceLifecycleConfig').message,
    };
  }
  changed();
  const uri = lifecycleScriptUri(session.current.region, name, 'on-start');
  await vscode.window.showTextDocument(uri, { preview: false });
  return { outcome: 'done', message: vscode.l10n.t('Created lifecycle configuration {0}.', name), script: uri };
}

export async function deleteLifecycleConfigChecked(
  session: AwsSession,
  name: string,
  changed: () => void,
): Promise<LifecycleOutcome> {
  const users = await instancesUsing(session.clients, name);
  if (users.length)
    return {
      outcome: 'refused',
      message:
        users.length > 1
          ? vscode.l10n.t(
              '{0} is used by {1}; attach another configuration to them (or delete them) first.',
              name,
              users.join(', '),
            )
          : vscode.l10n.t(
              '{0} is used by {1}; attach another configuration to it (or delete it) first.',
              name,
              users.join(', '),
            ),
    };
  if (
    !(await confirmModal(
      vscode.l10n.t('Delete lifecycle configuration {0}?', name),
      vscode.l10n.t('Its on-create and on-start scripts are deleted; this cannot be undone.'),
      vscode.l10n.t('Delete'),
    ))
  )
    return { outcome: 'cancelled' };
  try {
    await deleteLifecycleConfig(session.clients, name);
  } catch (error) {
    return {
      outcome: 'failed',
      message: toUserError(error, session, 'sagemaker', 'DeleteNotebookInstanceLifecycleConfig').message,
    };
  }
  changed();
  return { outcome: 'done', message: vscode.l10n.t('Deleted lifecycle configuration {0}.', name) };
}

export async function openLifecycleScript(
  session: AwsSession,
  configName: string,
  hook: Hook,
): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(lifecycleScriptUri(session.current.region, configName, hook), {
    preview: false,
  });
}

/** The deployed script on the left, the one being edited (unsaved changes included) on the right. */
export async function diffLifecycleScript(session: AwsSession, configName: string, hook: Hook): Promise<void> {
  const region = session.current.region;
  await vscode.commands.executeCommand(
    'vscode.diff',
    lifecycleScriptUri(region, configName, hook, true),
    lifecycleScriptUri(region, configName, hook),
    vscode.l10n.t('{0} {1}.sh: deployed ↔ editing', configName, hook),
  );
}
