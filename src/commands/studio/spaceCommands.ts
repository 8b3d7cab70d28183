// Start, stop, delete, change and open a Studio space. Each reads the space and its app first (DescribeSpace,
// DescribeApp), refuses what SageMaker would refuse with what to do instead, asks before stopping or deleting
// and says what stays and what goes, then follows the app in a cancellable notification. Opening asks for a
// presigned Studio URL for the space and hands it to the browser; it is never logged or kept.
import * as vscode from 'vscode';
import type { DescribeSpaceCommandOutput } from '@aws-sdk/client-sagemaker';
import {
  createSpaceApp,
  deleteSpace,
  deleteSpaceApp,
  describeDomain,
  describeSpace,
  describeSpaceApp,
  presignedSpaceUrl,
  updateSpace,
  waitForSpaceApp,
  type AppSettled,
  type SpaceApp,
} from '../../aws/sagemaker/studioApi';
import {
  APP_SETTINGS_KEY,
  SPACE_APP_TYPES,
  SPACE_INSTANCE_TYPES,
  appTypeLabel,
  idleLimits,
  idleMinutesProblem,
  spaceInstanceTypeProblem,
  type IdleLimits,
  type SpaceAppType,
} from '../../model/studioSpaces';
import { idleText, imageText, spaceState } from '../../model/studioText';
import type { AwsSession } from '../../session/awsSession';
import type { CommandOutcome } from '../../ui/commands';
import { confirmModal } from '../../ui/confirmModal';
import { followWithProgress } from '../../ui/followWithProgress';
import { pace } from '../../ui/pace';
import { toUserError } from '../../ui/showAwsError';
import { window } from '../../ui/window';
import { FOLLOWED_SPACES } from '../../views/studio/domainContents';

// l10n-exempt: an outcome state that commands and tests compare, never shown as it is
const STOPPED_WATCHING = 'stopped watching';

export interface StudioContext {
  session: AwsSession;
  /** The Studio view should read again. */
  changed(): void;
}

export interface SpaceTarget {
  domainId: string;
  spaceName: string;
}

/** What a command needs to know of a space: its settings and its app's state. */
interface SpaceNow {
  described: DescribeSpaceCommandOutput;
  app: SpaceApp;
  appType: SpaceAppType;
  /** The app's status, undefined when it has none. */
  appStatus?: string;
  settings: NonNullable<NonNullable<DescribeSpaceCommandOutput['SpaceSettings']>['JupyterLabAppSettings']>;
}

async function readSpace(ctx: StudioContext, target: SpaceTarget): Promise<SpaceNow | string> {
  const described = await describeSpace(ctx.session.clients, target.domainId, target.spaceName);
  const appType = described.SpaceSettings?.AppType as SpaceAppType | undefined;
  if (!appType || !SPACE_APP_TYPES.includes(appType))
    return appType
      ? vscode.l10n.t(
          '{0} runs {1} apps; SageMaker Workbench works with JupyterLab and Code Editor spaces.',
          target.spaceName,
          appType,
        )
      : vscode.l10n.t(
          '{0} runs no apps; SageMaker Workbench works with JupyterLab and Code Editor spaces.',
          target.spaceName,
        );
  const app: SpaceApp = { ...target, appType };
  const appStatus = await describeSpaceApp(ctx.session.clients, app).then(
    (out) => out.Status,
    (error: unknown) => {
      if ((error as { name?: string }).name === 'ResourceNotFound') return undefined;
      throw error;
    },
  );
  const settings = described.SpaceSettings?.[APP_SETTINGS_KEY[appType]] ?? {};
  return { described, app, appType, appStatus, settings };
}

function failed(ctx: StudioContext, error: unknown, operation: string): CommandOutcome {
  return { outcome: 'failed', message: toUserError(error, ctx.session, 'sagemaker', operation).message };
}

function follow(ctx: StudioContext, now: SpaceNow, target: 'InService' | 'Deleted', title: string, message: string) {
  return followWithProgress<AppSettled>(FOLLOWED_SPACES, now.app.spaceName, title, message, (signal) =>
    waitForSpaceApp(ctx.session.clients, now.app, target, signal, pace.followSeconds),
  );
}

export async function startSpace(ctx: StudioContext, target: SpaceTarget): Promise<CommandOutcome> {
  const now = await readSpace(ctx, target);
  if (typeof now === 'string') return { outcome: 'refused', message: now };
  const name = target.spaceName;
  const state = spaceState(now.appStatus);
  if (state !== 'Stopped' && state !== 'Failed')
    return {
      outcome: 'refused',
      message: vscode.l10n.t('{0} is {1}; only a Stopped or Failed space can be started.', name, state),
    };
  if (now.described.Status !== 'InService')
    return {
      outcome: 'refused',
      message: vscode.l10n.t('{0} is {1}; start it once it is InService.', name, String(now.described.Status)),
    };
  const spec = now.settings.DefaultResourceSpec ?? {};
  const problem = spec.InstanceType ? spaceInstanceTypeProblem(now.appType, spec.InstanceType) : undefined;
  if (problem)
    return {
      outcome: 'refused',
      message: vscode.l10n.t('{0} cannot start: {1}. Change its instance type.', name, problem),
    };
  try {
    await createSpaceApp(ctx.session.clients, now.app, spec);
  } catch (error) {
    return failed(ctx, error, 'CreateApp');
  }
  ctx.changed();
  const settled = await follow(
    ctx,
    now,
    'InService',
    vscode.l10n.t('Starting {0}', name),
    spec.InstanceType
      ? vscode.l10n.t('{0} on {1}; Cancel stops watching, not the start', appTypeLabel(now.appType), spec.InstanceType)
      : vscode.l10n.t(
          '{0} on the default instance type; Cancel stops watching, not the start',
          appTypeLabel(now.appType),
        ),
  );
  ctx.changed();
  if (settled.state === STOPPED_WATCHING)
    return { outcome: STOPPED_WATCHING, message: vscode.l10n.t('Stopped watching {0}; it is still starting.', name) };
  if (settled.state === 'failed')
    return { outcome: 'failed', message: vscode.l10n.t('{0} failed to start: {1}', name, settled.reason) };
  return { outcome: 'done', message: vscode.l10n.t('{0} is InService.', name) };
}

export async function stopSpace(ctx: StudioContext, target: SpaceTarget): Promise<CommandOutcome> {
  const now = await readSpace(ctx, target);
  if (typeof now === 'string') return { outcome: 'refused', message: now };
  const name = target.spaceName;
  if (now.appStatus !== 'InService' && now.appStatus !== 'Failed')
    return {
      outcome: 'refused',
      message: vscode.l10n.t(
        '{0} is {1}; only an InService (or Failed) space can be stopped.',
        name,
        spaceState(now.appStatus),
      ),
    };
  const gb = now.described.SpaceSettings?.SpaceStorageSettings?.EbsStorageSettings?.EbsVolumeSizeInGb;
  const detail =
    vscode.l10n.t(
      'Its {0} app is deleted: running kernels and terminals end, and unsaved work in them is lost.',
      appTypeLabel(now.appType),
    ) +
    ' ' +
    vscode.l10n.t(
      'The space and its {0} GB storage (/home/sagemaker-user) stay, and it can be started again; billing for the instance stops.',
      gb ?? '?',
    );
  if (!(await confirmModal(vscode.l10n.t('Stop space {0}?', name), detail, vscode.l10n.t('Stop'))))
    return { outcome: 'cancelled' };
  try {
    await deleteSpaceApp(ctx.session.clients, now.app);
  } catch (error) {
    return failed(ctx, error, 'DeleteApp');
  }
  ctx.changed();
  const settled = await follow(
    ctx,
    now,
    'Deleted',
    vscode.l10n.t('Stopping {0}', name),
    vscode.l10n.t('Cancel stops watching, not the stop'),
  );
  ctx.changed();
  if (settled.state === STOPPED_WATCHING)
    return { outcome: STOPPED_WATCHING, message: vscode.l10n.t('Stopped watching {0}; it is still stopping.', name) };
  if (settled.state === 'failed')
    return { outcome: 'failed', message: vscode.l10n.t('{0} did not stop: {1}', name, settled.reason) };
  return { outcome: 'done', message: vscode.l10n.t('{0} is Stopped; its storage is kept.', name) };
}

export async function deleteSpaceChecked(ctx: StudioContext, target: SpaceTarget): Promise<CommandOutcome> {
  const now = await readSpace(ctx, target);
  if (typeof now === 'string') return { outcome: 'refused', message: now };
  const name = target.spaceName;
  const state = spaceState(now.appStatus);
  if (state !== 'Stopped' && state !== 'Failed')
    return { outcome: 'refused', message: vscode.l10n.t('{0} is {1}; stop it before deleting it.', name, state) };
  const gb = now.described.SpaceSettings?.SpaceStorageSettings?.EbsStorageSettings?.EbsVolumeSizeInGb;
  const typed = await window.showInputBox({
    title: vscode.l10n.t('Delete space {0}', name),
    prompt: vscode.l10n.t(
      'The space and its {0} GB storage (/home/sagemaker-user, every file in it) are deleted; this cannot be undone. Type {1} to delete it.',
      gb ?? '?',
      name,
    ),
    placeHolder: name,
    validateInput: (value) => (value === name ? undefined : vscode.l10n.t('Type {0} exactly to delete it', name)),
  });
  if (typed !== name) return { outcome: 'cancelled' };
  try {
    await deleteSpace(ctx.session.clients, target.domainId, name);
  } catch (error) {
    return failed(ctx, error, 'DeleteSpace');
  }
  ctx.changed();
  return { outcome: 'done', message: vscode.l10n.t('Deleting {0} and its storage.', name) };
}

/** The domain's idle-shutdown limits for an app type (its AppLifecycleManagement.IdleSettings). */
async function domainIdleLimits(ctx: StudioContext, domainId: string, appType: SpaceAppType): Promise<IdleLimits> {
  const domain = await describeDomain(ctx.session.clients, domainId);
  const idle = domain.DefaultUserSettings?.[APP_SETTINGS_KEY[appType]]?.AppLifecycleManagement?.IdleSettings;
  return {
    min: idle?.MinIdleTimeoutInMinutes,
    max: idle?.MaxIdleTimeoutInMinutes,
    disabled: idle?.LifecycleManagement === 'DISABLED',
  };
}

/** SageMaker changes a space's settings only while it has no running app. */
function refuseWhileRunning(
  name: string,
  appStatus: string | undefined,
  what: 'instanceType' | 'idleShutdown',
): CommandOutcome | undefined {
  const state = spaceState(appStatus);
  return state === 'Stopped' || state === 'Failed'
    ? undefined
    : {
        outcome: 'refused',
        message:
          what === 'instanceType'
            ? vscode.l10n.t(
                '{0} is {1}; stop it to change its instance type (SageMaker changes a space only while it is stopped).',
                name,
                state,
              )
            : vscode.l10n.t(
                '{0} is {1}; stop it to change its idle shutdown (SageMaker changes a space only while it is stopped).',
                name,
                state,
              ),
      };
}

export async function changeInstanceType(ctx: StudioContext, target: SpaceTarget): Promise<CommandOutcome> {
  const now = await readSpace(ctx, target);
  if (typeof now === 'string') return { outcome: 'refused', message: now };
  const name = target.spaceName;
  const running = refuseWhileRunning(name, now.appStatus, 'instanceType');
  if (running) return running;
  const spec = now.settings.DefaultResourceSpec ?? {};
  const TYPE = vscode.l10n.t('$(edit) Type an instance type…');
  const items = [
    ...SPACE_INSTANCE_TYPES[now.appType].map((t) => ({
      label: t,
      description: t === spec.InstanceType ? vscode.l10n.t('current') : undefined,
    })),
    { label: TYPE },
  ];
  const picked = await window.showQuickPick(items, {
    title: vscode.l10n.t('Instance type of {0} ({1})', name, appTypeLabel(now.appType)),
    placeHolder: spec.InstanceType
      ? vscode.l10n.t('Now {0}; used from its next start', spec.InstanceType)
      : vscode.l10n.t('Now the domain default; used from its next start'),
  });
  if (!picked) return { outcome: 'cancelled' };
  const chosen =
    picked.label === TYPE
      ? await window.showInputBox({
          title: vscode.l10n.t('Instance type of {0} ({1})', name, appTypeLabel(now.appType)),
          prompt: vscode.l10n.t('An instance type the app runs on, like ml.m5.xlarge'),
          validateInput: (v) => spaceInstanceTypeProblem(now.appType, v.trim()),
        })
      : picked.label;
  if (!chosen) return { outcome: 'cancelled' };
  const type = chosen.trim();
  const problem = spaceInstanceTypeProblem(now.appType, type);
  if (problem) return { outcome: 'refused', message: problem };
  if (type === spec.InstanceType)
    return { outcome: 'done', message: vscode.l10n.t('{0} already runs on {1}.', name, type) };
  try {
    await updateSpace(ctx.session.clients, {
      DomainId: target.domainId,
      SpaceName: name,
      SpaceSettings: { [APP_SETTINGS_KEY[now.appType]]: { DefaultResourceSpec: { ...spec, InstanceType: type } } },
    });
  } catch (error) {
    return failed(ctx, error, 'UpdateSpace');
  }
  ctx.changed();
  return { outcome: 'done', message: vscode.l10n.t('{0} runs on {1} from its next start.', name, type) };
}

export async function changeIdleShutdown(ctx: StudioContext, target: SpaceTarget): Promise<CommandOutcome> {
  const now = await readSpace(ctx, target);
  if (typeof now === 'string') return { outcome: 'refused', message: now };
  const name = target.spaceName;
  const running = refuseWhileRunning(name, now.appStatus, 'idleShutdown');
  if (running) return running;
  const limits = await domainIdleLimits(ctx, target.domainId, now.appType);
  if (limits.disabled)
    return {
      outcome: 'refused',
      message: vscode.l10n.t(
        'The domain {0} turned idle shutdown off for {1} apps.',
        target.domainId,
        appTypeLabel(now.appType),
      ),
    };
  const { min, max } = idleLimits(limits);
  const current =
    'AppLifecycleManagement' in now.settings
      ? now.settings.AppLifecycleManagement?.IdleSettings?.IdleTimeoutInMinutes
      : undefined;
  const typed = await window.showInputBox({
    title: vscode.l10n.t('Idle shutdown of {0}', name),
    prompt: vscode.l10n.t(
      'Minutes without activity before SageMaker stops the app ({0} to {1}); now {2}',
      min,
      max,
      idleText(current),
    ),
    value: current === undefined ? '' : String(current),
    validateInput: (v) =>
      v.trim() ? idleMinutesProblem(v, limits) : vscode.l10n.t('Enter {0} to {1} minutes', min, max),
  });
  if (typed === undefined) return { outcome: 'cancelled' };
  const problem = typed.trim()
    ? idleMinutesProblem(typed, limits)
    : vscode.l10n.t('Enter {0} to {1} minutes', min, max);
  if (problem) return { outcome: 'refused', message: problem };
  const minutes = Number(typed.trim());
  try {
    await updateSpace(ctx.session.clients, {
      DomainId: target.domainId,
      SpaceName: name,
      SpaceSettings: {
        [APP_SETTINGS_KEY[now.appType]]: {
          AppLifecycleManagement: { IdleSettings: { IdleTimeoutInMinutes: minutes } },
        },
      },
    });
  } catch (error) {
    return failed(ctx, error, 'UpdateSpace');
  }
  ctx.changed();
  return {
    outcome: 'done',
    message: vscode.l10n.t('{0} shuts down {1} from its next start.', name, idleText(minutes)),
  };
}

/** Opens Studio on the space in the browser, signed in as its owner (a shared space: as the profile picked). */
export async function openSpace(
  ctx: StudioContext,
  target: SpaceTarget,
  pickProfile: () => Promise<string | undefined>,
): Promise<CommandOutcome> {
  const now = await readSpace(ctx, target);
  if (typeof now === 'string') return { outcome: 'refused', message: now };
  const name = target.spaceName;
  if (now.appStatus !== 'InService')
    return {
      outcome: 'refused',
      message: vscode.l10n.t('{0} is {1}; start it to open it.', name, spaceState(now.appStatus)),
    };
  const profile = now.described.OwnershipSettings?.OwnerUserProfileName ?? (await pickProfile());
  if (!profile) return { outcome: 'cancelled' };
  let url: vscode.Uri;
  try {
    url = vscode.Uri.parse(await presignedSpaceUrl(ctx.session.clients, target.domainId, profile, name), true);
  } catch (error) {
    return failed(ctx, error, 'CreatePresignedDomainUrl');
  }
  const opened = await window.openExternal(url);
  const image = imageText(now.settings.DefaultResourceSpec);
  return opened
    ? {
        outcome: 'done',
        message: image
          ? vscode.l10n.t(
              'Opened {0} ({1}, {2}) in the browser as {3}.',
              name,
              appTypeLabel(now.appType),
              image,
              profile,
            )
          : vscode.l10n.t('Opened {0} ({1}) in the browser as {2}.', name, appTypeLabel(now.appType), profile),
      }
    : { outcome: 'cancelled' };
}
