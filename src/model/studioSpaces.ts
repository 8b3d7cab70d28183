// Studio spaces as SageMaker checks them: the name rule of the API model (SpaceName), the instance types a
// JupyterLab or Code Editor app may run on (AppInstanceType less the types reserved for other app types),
// storage within the domain's maximum and the idle-shutdown range (IdleTimeoutInMinutes), so the create and
// change commands refuse before any call what CreateSpace, UpdateSpace or CreateApp would refuse.
import * as l10n from '@vscode/l10n';

export const SPACE_APP_TYPES = ['JupyterLab', 'CodeEditor'] as const;
export type SpaceAppType = (typeof SPACE_APP_TYPES)[number];

/** The SpaceSettings member that holds an app type's settings. */
export const APP_SETTINGS_KEY: Record<SpaceAppType, 'JupyterLabAppSettings' | 'CodeEditorAppSettings'> = {
  JupyterLab: 'JupyterLabAppSettings',
  CodeEditor: 'CodeEditorAppSettings',
};

/** Studio names the one app of a space `default`. */
export const SPACE_APP_NAME = 'default';

/** SpaceName: at most 63 characters, `^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}`. */
const SPACE_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

export function spaceNameProblem(name: string, existing: readonly string[] = []): string | undefined {
  if (!name) return l10n.t('A space name is required');
  if (name.length > 63) return l10n.t('A space name has at most 63 characters ({0} now)', name.length);
  if (!SPACE_NAME.test(name))
    return l10n.t('A space name uses letters, digits and hyphens, starting and ending with a letter or digit');
  if (existing.includes(name)) return l10n.t('The domain has a space named {0} already', name);
  return undefined;
}

/**
 * Instance types of SageMaker's AppInstanceType that JupyterLab and Code Editor apps run on. `system` is the
 * JupyterServer app's own type and `ml.geospatial.interactive` is only for the geospatial image of
 * KernelGateway apps; SageMaker refuses both for these app types.
 */
const GENERAL = [
  'ml.t3.medium',
  'ml.t3.large',
  'ml.t3.xlarge',
  'ml.t3.2xlarge',
  'ml.m5.large',
  'ml.m5.xlarge',
  'ml.m5.2xlarge',
  'ml.m5.4xlarge',
  'ml.m5.8xlarge',
  'ml.m5.12xlarge',
  'ml.m5.16xlarge',
  'ml.m5.24xlarge',
  'ml.m6i.large',
  'ml.m6i.xlarge',
  'ml.m6i.2xlarge',
  'ml.m6i.4xlarge',
  'ml.c5.large',
  'ml.c5.xlarge',
  'ml.c5.2xlarge',
  'ml.c5.4xlarge',
  'ml.c5.9xlarge',
  'ml.c6i.large',
  'ml.c6i.xlarge',
  'ml.c6i.2xlarge',
  'ml.r5.large',
  'ml.r5.xlarge',
  'ml.r5.2xlarge',
  'ml.r5.4xlarge',
];
const ACCELERATED = [
  'ml.g4dn.xlarge',
  'ml.g4dn.2xlarge',
  'ml.g4dn.4xlarge',
  'ml.g5.xlarge',
  'ml.g5.2xlarge',
  'ml.g5.4xlarge',
  'ml.g6.xlarge',
  'ml.g6.2xlarge',
  'ml.g6.4xlarge',
  'ml.p3.2xlarge',
];

export const SPACE_INSTANCE_TYPES: Record<SpaceAppType, readonly string[]> = {
  JupyterLab: [...GENERAL, ...ACCELERATED],
  CodeEditor: [...GENERAL, ...ACCELERATED],
};

/** Types SageMaker keeps for other app types, named so the refusal says whose they are. */
const RESERVED: Record<string, string> = {
  system: l10n.t('JupyterServer (Studio Classic) apps'),
  'ml.geospatial.interactive': l10n.t('the geospatial image of KernelGateway apps'),
};

export function appTypeLabel(appType: string | undefined): string {
  return appType === 'CodeEditor' ? l10n.t('Code Editor') : (appType ?? l10n.t('unknown app'));
}

export function spaceInstanceTypeProblem(appType: SpaceAppType, type: string): string | undefined {
  if (SPACE_INSTANCE_TYPES[appType].includes(type)) return undefined;
  const app = appTypeLabel(appType);
  if (RESERVED[type])
    return l10n.t('{0} is for {1}; a {2} space runs on ml.* types like ml.t3.medium', type, RESERVED[type], app);
  if (!/^ml\.[a-z0-9]+\.[a-z0-9]+$/.test(type))
    return l10n.t('"{0}" is not an instance type (like ml.t3.medium)', type);
  return l10n.t('{0} is not offered for {1} spaces', type, app);
}

/** EbsVolumeSizeInGb: 5 GB at least, at most the domain's MaximumEbsVolumeSizeInGb (16384 when it sets none). */
export function storageProblem(text: string, maximumGb = 16384): string | undefined {
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(n)) return l10n.t('The storage size is a whole number of GB');
  if (n < 5 || n > maximumGb)
    return maximumGb < 16384
      ? l10n.t("The storage size is from 5 to {0} GB (the domain's maximum)", maximumGb)
      : l10n.t('The storage size is from 5 to {0} GB', maximumGb);
  return undefined;
}

/** IdleTimeoutInMinutes: 60 to 525600 (a year), narrowed by the domain's own minimum and maximum when it sets them. */
export const IDLE_MINUTES = { min: 60, max: 525_600 } as const;

export interface IdleLimits {
  min?: number;
  max?: number;
  /** The domain turned idle shutdown off (LifecycleManagement DISABLED): spaces cannot set it. */
  disabled?: boolean;
}

export function idleLimits(limits: IdleLimits = {}): { min: number; max: number } {
  return {
    min: Math.max(IDLE_MINUTES.min, limits.min ?? IDLE_MINUTES.min),
    max: Math.min(IDLE_MINUTES.max, limits.max ?? IDLE_MINUTES.max),
  };
}

/** An empty text means "no idle shutdown". */
export function idleMinutesProblem(text: string, limits: IdleLimits = {}): string | undefined {
  const value = text.trim();
  if (!value) return undefined;
  if (limits.disabled) return l10n.t('The domain turned idle shutdown off; leave it empty');
  const n = Number(value);
  const { min, max } = idleLimits(limits);
  if (!/^\d+$/.test(value) || n < min || n > max)
    return l10n.t('Idle shutdown is a whole number of minutes from {0} to {1}, or empty for none', min, max);
  return undefined;
}

export type Sharing = 'Private' | 'Shared';

export interface SpacePlan {
  domainId: string;
  name: string;
  owner: string;
  sharing: Sharing;
  appType: SpaceAppType;
  instanceType: string;
  /** SageMakerImageArn and the version alias ("2.1.0") of a SageMaker Distribution image. */
  image: { arn: string; versionAlias?: string };
  storageGb: number;
  /** Undefined: no idle shutdown. */
  idleMinutes?: number;
  /** ARN of a Studio lifecycle configuration of the app type, attached to the domain or the owner's profile. */
  lifecycleConfigArn?: string;
}

export interface PlanContext {
  existingSpaces: readonly string[];
  profiles: readonly string[];
  maximumStorageGb?: number;
  idle?: IdleLimits;
  /** ARNs of lifecycle configurations the owner may use for this app type. */
  lifecycleConfigArns: readonly string[];
}

export function spacePlanProblem(plan: SpacePlan, ctx: PlanContext): string | undefined {
  return (
    spaceNameProblem(plan.name, ctx.existingSpaces) ??
    (ctx.profiles.includes(plan.owner) ? undefined : l10n.t('The domain has no user profile named {0}', plan.owner)) ??
    spaceInstanceTypeProblem(plan.appType, plan.instanceType) ??
    storageProblem(String(plan.storageGb), ctx.maximumStorageGb) ??
    idleMinutesProblem(plan.idleMinutes === undefined ? '' : String(plan.idleMinutes), ctx.idle) ??
    (plan.lifecycleConfigArn && !ctx.lifecycleConfigArns.includes(plan.lifecycleConfigArn)
      ? l10n.t(
          '{0} is not a {1} lifecycle configuration attached to the domain or to {2}',
          plan.lifecycleConfigArn,
          appTypeLabel(plan.appType),
          plan.owner,
        )
      : undefined)
  );
}

/** The SpaceSettings, OwnershipSettings and SpaceSharingSettings of CreateSpace for a plan. */
export function createSpaceSettings(plan: SpacePlan) {
  return {
    SpaceSettings: {
      AppType: plan.appType,
      [APP_SETTINGS_KEY[plan.appType]]: {
        DefaultResourceSpec: {
          InstanceType: plan.instanceType,
          SageMakerImageArn: plan.image.arn,
          ...(plan.image.versionAlias ? { SageMakerImageVersionAlias: plan.image.versionAlias } : {}),
          ...(plan.lifecycleConfigArn ? { LifecycleConfigArn: plan.lifecycleConfigArn } : {}),
        },
        ...(plan.idleMinutes !== undefined
          ? { AppLifecycleManagement: { IdleSettings: { IdleTimeoutInMinutes: plan.idleMinutes } } }
          : {}),
      },
      SpaceStorageSettings: { EbsStorageSettings: { EbsVolumeSizeInGb: plan.storageGb } },
    },
    OwnershipSettings: { OwnerUserProfileName: plan.owner },
    SpaceSharingSettings: { SharingType: plan.sharing },
  };
}

/** Settings that can name lifecycle configurations (a domain's defaults, a user profile's or a space's settings). */
export interface AppSettingsHolder {
  JupyterLabAppSettings?: { LifecycleConfigArns?: string[]; DefaultResourceSpec?: { LifecycleConfigArn?: string } };
  CodeEditorAppSettings?: { LifecycleConfigArns?: string[]; DefaultResourceSpec?: { LifecycleConfigArn?: string } };
}

/** The lifecycle configuration ARNs settings attach, per app type (a default one first; `None` is SageMaker's "none"). */
export function attachedLifecycleConfigs(settings: AppSettingsHolder | undefined): Record<SpaceAppType, string[]> {
  const of = (app: SpaceAppType) => {
    const s = settings?.[APP_SETTINGS_KEY[app]];
    const arns = [s?.DefaultResourceSpec?.LifecycleConfigArn, ...(s?.LifecycleConfigArns ?? [])];
    return [...new Set(arns.filter((a): a is string => !!a && a !== 'None'))];
  };
  return { JupyterLab: of('JupyterLab'), CodeEditor: of('CodeEditor') };
}
