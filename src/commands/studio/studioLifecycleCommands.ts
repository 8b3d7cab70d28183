// Studio lifecycle configurations: open one's script as a file, save an edit as a new version (Studio
// configurations are immutable) that takes the old one's place in the domain defaults, user profiles and
// spaces that named it, create one from a template written for a Studio space's app, delete one nothing uses.
// Loaded on first use, as part of the Studio chunk.
import * as vscode from 'vscode';
import type { StudioLifecycleConfigDetails } from '@aws-sdk/client-sagemaker';
import { describeStudioLifecycleConfig, studioLifecycleConfigs } from '../../aws/sagemaker/studioApi';
import {
  attachmentText,
  createStudioConfig,
  deleteStudioConfig,
  repointAttachment,
  studioConfigAttachments,
  studioConfigNames,
  type Attachment,
} from '../../aws/sagemaker/studioLifecycleApi';
import { decodeLifecycleScript, encodeLifecycleScript } from '../../model/lifecycleScripts';
import { idleMinutesProblem, packagesProblem, s3PrefixProblem } from '../../model/lifecycleTemplates';
import {
  nextVersionName,
  repointedSettings,
  studioConfigNameProblem,
  studioScriptProblem,
} from '../../model/studioLifecycleConfigs';
import {
  STUDIO_TEMPLATE_LABELS,
  studioTemplateScript,
  type StudioTemplateChoice,
  type StudioTemplateKind,
} from '../../model/studioLifecycleTemplates';
import { SPACE_APP_TYPES, appTypeLabel, type SpaceAppType } from '../../model/studioSpaces';
import type { CommandOutcome } from '../../ui/commands';
import { confirmModal } from '../../ui/confirmModal';
import { toUserError } from '../../ui/showAwsError';
import { window } from '../../ui/window';
import type { ExplorerNode } from '../../views/tree/explorerNode';
import { studioScriptOf, studioScriptUri, type StudioScriptOps } from '../../views/studio/studioLifecycleFiles';
import type { StudioContext } from './spaceCommands';

const cancelled: CommandOutcome = { outcome: 'cancelled' };

function awsMessage(ctx: StudioContext, error: unknown, operation: string): string {
  return toUserError(error, ctx.session, 'sagemaker', operation).message;
}

/** Reading and saving the script files. */
export function studioScriptOps(ctx: StudioContext): StudioScriptOps {
  const inRegion = (region: string) => {
    if (region !== ctx.session.current.region)
      throw vscode.FileSystemError.Unavailable(
        vscode.l10n.t(
          'This script belongs to {0}; the session is in {1}. Switch region to open it.',
          region,
          ctx.session.current.region,
        ),
      );
  };
  return {
    read: async (region, config) => {
      inRegion(region);
      try {
        const out = await describeStudioLifecycleConfig(ctx.session.clients, config);
        return { text: decodeLifecycleScript(out.StudioLifecycleConfigContent), created: out.CreationTime };
      } catch (error) {
        throw vscode.FileSystemError.FileNotFound(awsMessage(ctx, error, 'DescribeStudioLifecycleConfig'));
      }
    },
    save: async (region, config, text) => {
      inRegion(region);
      const problem = studioScriptProblem(text);
      if (problem) throw vscode.FileSystemError.NoPermissions(problem);
      const saved = await saveAsNewVersion(ctx, config, text);
      if (saved.outcome !== 'done') throw vscode.FileSystemError.NoPermissions(saved.message);
    },
  };
}

/** What Save asks before it creates `newName`, saying which settings will name it instead of `name`. */
function saveQuestion(name: string, newName: string, appType: string, moving: Attachment[], staying: Attachment[]) {
  const lines = [
    vscode.l10n.t(
      'Studio lifecycle configurations cannot be changed, so saving creates a new {0} configuration, {1}, with this script.',
      appTypeLabel(appType),
      newName,
    ),
  ];
  if (moving.length > 0)
    lines.push(
      '',
      vscode.l10n.t('These will use {0} instead of {1}:', newName, name),
      ...moving.map((a) => `• ${attachmentText(a)}`),
    );
  else lines.push('', vscode.l10n.t('No domain, user profile or space names {0}, so nothing is re-pointed.', name));
  if (staying.length > 0)
    lines.push(
      '',
      vscode.l10n.t('These keep {0} until they are stopped (SageMaker does not change a running space):', name),
      ...staying.map((a) => `• ${attachmentText(a)}`),
    );
  lines.push('', vscode.l10n.t('{0} itself is kept.', name));
  return lines.join('\n');
}

type SaveOutcome = { outcome: 'done' | 'cancelled' | 'refused' | 'failed'; message: string; newName?: string };

/** Creates the new version and re-points what named the old one (domains and profiles before spaces). */
export async function saveAsNewVersion(ctx: StudioContext, name: string, text: string): Promise<SaveOutcome> {
  const clients = ctx.session.clients;
  let described, existing, attachments;
  try {
    described = await describeStudioLifecycleConfig(clients, name);
    [existing, attachments] = await Promise.all([
      studioConfigNames(clients),
      studioConfigAttachments(clients, described.StudioLifecycleConfigArn ?? ''),
    ]);
  } catch (error) {
    return {
      outcome: 'failed',
      message: vscode.l10n.t('Not saved: {0}', awsMessage(ctx, error, 'DescribeStudioLifecycleConfig')),
    };
  }
  const oldArn = described.StudioLifecycleConfigArn ?? '';
  const appType = (described.StudioLifecycleConfigAppType ?? 'JupyterLab') as SpaceAppType;
  const newName = nextVersionName(name, existing);
  const moving = attachments.filter((a) => a.kind !== 'app' && !a.running);
  const staying = attachments.filter((a) => a.kind === 'app' || a.running);
  const question = vscode.l10n.t('Save {0} as the new configuration {1}?', name, newName);
  const go = await confirmModal(
    question,
    saveQuestion(name, newName, appType, moving, staying),
    moving.length > 0 ? vscode.l10n.t('Create {0} and Re-point', newName) : vscode.l10n.t('Create {0}', newName),
  );
  if (!go) return { outcome: 'cancelled', message: vscode.l10n.t('Not saved: creating {0} was cancelled.', newName) };

  let newArn: string;
  try {
    newArn = await createStudioConfig(clients, newName, appType, encodeLifecycleScript(text));
  } catch (error) {
    const message = vscode.l10n.t('Not saved: {0}', awsMessage(ctx, error, 'CreateStudioLifecycleConfig'));
    void window.showErrorMessage(message);
    return { outcome: 'failed', message };
  }
  const failed: string[] = [];
  const moved: string[] = [];
  const ordered = [...moving.filter((a) => a.kind !== 'space'), ...moving.filter((a) => a.kind === 'space')];
  for (const a of ordered) {
    try {
      await repointAttachment(clients, a, {
        user: repointedSettings(a.userSettings, oldArn, newArn),
        space: repointedSettings(a.spaceSettings, oldArn, newArn),
      });
      moved.push(attachmentText(a));
    } catch (error) {
      const operation = a.kind === 'domain' ? 'UpdateDomain' : a.kind === 'space' ? 'UpdateSpace' : 'UpdateUserProfile';
      failed.push(`${attachmentText(a)}: ${awsMessage(ctx, error, operation)}`);
    }
  }
  ctx.changed();
  await vscode.window.showTextDocument(studioScriptUri(ctx.session.current.region, newName), { preview: false });
  const summary =
    moved.length === 0
      ? vscode.l10n.t('Saved as {0}.', newName)
      : moved.length === 1
        ? vscode.l10n.t('Saved as {0}; {1} now uses it.', newName, moved[0])
        : vscode.l10n.t('Saved as {0}; {1} now use it.', newName, moved.join(', '));
  if (failed.length > 0) {
    const message = vscode.l10n.t('{0} Not re-pointed: {1}', summary, failed.join('; '));
    void window.showWarningMessage(message);
    return { outcome: 'done', message, newName };
  }
  // Deleting the old one is left to the Delete command: asked inside the save, VS Code's save of the file that
  // names it fails once it is gone.
  if (staying.length === 0) {
    const message = vscode.l10n.t(
      '{0} Nothing uses {1} any more: delete it from the Studio view if it is not needed.',
      summary,
      name,
    );
    void window.showInformationMessage(message);
    return { outcome: 'done', message, newName };
  }
  void window.showInformationMessage(summary);
  return { outcome: 'done', message: summary, newName };
}

/** The configuration a node stands for, the script file the editor title passes, or one picked. */
async function configOf(ctx: StudioContext, target: unknown, title: string): Promise<string | undefined> {
  const node = target as ExplorerNode | undefined;
  if (node?.resource?.kind === 'studio-lifecycle-config') return node.resource.name;
  const file = studioScriptOf(target instanceof vscode.Uri ? target : undefined);
  if (file) return file.config;
  const configs: StudioLifecycleConfigDetails[] = (
    await Promise.all(SPACE_APP_TYPES.map((t) => studioLifecycleConfigs(ctx.session.clients, t)))
  ).flat();
  const picked = await window.showQuickPick(
    configs.map((c) => ({
      label: c.StudioLifecycleConfigName ?? '',
      description: appTypeLabel(c.StudioLifecycleConfigAppType),
    })),
    { title },
  );
  return picked?.label;
}

export async function openStudioConfig(ctx: StudioContext, target: unknown): Promise<CommandOutcome> {
  const name = await configOf(ctx, target, vscode.l10n.t('Open which Studio lifecycle configuration?'));
  if (!name) return cancelled;
  await vscode.window.showTextDocument(studioScriptUri(ctx.session.current.region, name), { preview: false });
  return { outcome: 'done', quiet: true };
}

export async function deleteStudioConfigChecked(ctx: StudioContext, target: unknown): Promise<CommandOutcome> {
  const name = await configOf(ctx, target, vscode.l10n.t('Delete which Studio lifecycle configuration?'));
  if (!name) return cancelled;
  const clients = ctx.session.clients;
  const described = await describeStudioLifecycleConfig(clients, name);
  const where = await studioConfigAttachments(clients, described.StudioLifecycleConfigArn ?? '');
  if (where.length > 0)
    return {
      outcome: 'refused',
      message: vscode.l10n.t(
        '{0} is attached to {1}; attach another configuration there (or stop the space) first.',
        name,
        where.map(attachmentText).join(', '),
      ),
    };
  const go = await confirmModal(
    vscode.l10n.t('Delete Studio lifecycle configuration {0}?', name),
    vscode.l10n.t('No domain, user profile or space uses it. Deleting removes its script from SageMaker for good.'),
    vscode.l10n.t('Delete'),
  );
  if (!go) return cancelled;
  await deleteStudioConfig(clients, name);
  ctx.changed();
  return { outcome: 'done', message: vscode.l10n.t('Deleted Studio lifecycle configuration {0}.', name) };
}

/** The values a template needs, asked one by one; undefined when cancelled. */
async function askTemplate(appType: SpaceAppType): Promise<StudioTemplateChoice | undefined> {
  const kinds = (Object.keys(STUDIO_TEMPLATE_LABELS) as StudioTemplateKind[]).filter(
    // Shutting kernels down talks to JupyterLab's server; a Code Editor app has none.
    (k) => appType === 'JupyterLab' || k !== 'idle-kernels',
  );
  const items = kinds.map((template) => ({ ...STUDIO_TEMPLATE_LABELS[template], template }));
  const picked = await window.showQuickPick(items, { title: vscode.l10n.t('Start from'), ignoreFocusOut: true });
  if (!picked) return undefined;
  switch (picked.template) {
    case 'pip-packages': {
      const value = await window.showInputBox({
        title: vscode.l10n.t('Packages to install'),
        prompt: vscode.l10n.t('pip requirements, separated by spaces'),
        ignoreFocusOut: true,
        validateInput: packagesProblem,
      });
      return value === undefined ? undefined : { kind: 'pip-packages', packages: value.trim().split(/\s+/) };
    }
    case 's3-sync': {
      const value = await window.showInputBox({
        title: vscode.l10n.t('Sync notebooks from'),
        prompt: vscode.l10n.t('S3 location of the notebooks'),
        ignoreFocusOut: true,
        validateInput: s3PrefixProblem,
      });
      return value === undefined ? undefined : { kind: 's3-sync', s3Uri: value.trim() };
    }
    case 'idle-kernels': {
      const value = await window.showInputBox({
        title: vscode.l10n.t('Idle minutes'),
        prompt: vscode.l10n.t('Minutes a kernel may be idle before it is shut down'),
        value: '60',
        ignoreFocusOut: true,
        validateInput: idleMinutesProblem,
      });
      return value === undefined ? undefined : { kind: 'idle-kernels', idleMinutes: Number(value.trim()) };
    }
  }
}

export async function createStudioConfigFromTemplate(ctx: StudioContext): Promise<CommandOutcome> {
  const clients = ctx.session.clients;
  const existing = await studioConfigNames(clients);
  const name = await window.showInputBox({
    title: vscode.l10n.t('New Studio lifecycle configuration'),
    prompt: vscode.l10n.t('Name'),
    ignoreFocusOut: true,
    validateInput: (v) => studioConfigNameProblem(v, existing),
  });
  if (name === undefined) return cancelled;
  const type = await window.showQuickPick(
    SPACE_APP_TYPES.map((t) => ({ label: appTypeLabel(t), appType: t })),
    { title: vscode.l10n.t('{0}: for which app?', name), ignoreFocusOut: true },
  );
  if (!type) return cancelled;
  const choice = await askTemplate(type.appType);
  if (!choice) return cancelled;
  const script = studioTemplateScript(choice);
  const problem = studioScriptProblem(script);
  if (problem) return { outcome: 'refused', message: problem };
  await createStudioConfig(clients, name, type.appType, encodeLifecycleScript(script));
  ctx.changed();
  await vscode.window.showTextDocument(studioScriptUri(ctx.session.current.region, name), { preview: false });
  return {
    outcome: 'done',
    message: vscode.l10n.t('Created Studio lifecycle configuration {0} ({1}).', name, type.label),
  };
}

/** Handlers by command id (without the `sagemakerWorkbench.` prefix). */
export const lifecycleHandlers: Record<string, (ctx: StudioContext, target: unknown) => Promise<CommandOutcome>> = {
  openStudioLifecycleConfig: openStudioConfig,
  createStudioLifecycleConfig: (ctx) => createStudioConfigFromTemplate(ctx),
  deleteStudioLifecycleConfig: deleteStudioConfigChecked,
};
