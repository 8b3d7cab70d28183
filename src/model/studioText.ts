// How the Studio view words a space and its app: the state a person thinks in (a space whose app is gone is
// Stopped), the SageMaker Distribution version behind an image ARN, idle shutdown in minutes or hours, and
// the one-line description of a space row.
import * as l10n from '@vscode/l10n';
import { appTypeLabel } from './studioSpaces';

export interface ImageSpec {
  SageMakerImageArn?: string;
  SageMakerImageVersionArn?: string;
  SageMakerImageVersionAlias?: string;
}

/** The space's state from its newest app: no app, or a Deleted one, is Stopped; else the app's status. */
export function spaceState(appStatus: string | undefined): string {
  return !appStatus || appStatus === 'Deleted' ? 'Stopped' : appStatus;
}

/** App statuses from which the app can be deleted (SageMaker refuses DeleteApp while it is Pending or Deleting). */
export function isRunning(appStatus: string | undefined): boolean {
  return appStatus === 'InService' || appStatus === 'Pending';
}

/**
 * "SageMaker Distribution 2.1.0 (CPU)" for SageMaker's own images (image/sagemaker-distribution-cpu with a
 * version alias, or image-version/sagemaker-distribution-gpu/12); any other image by its name.
 */
export function imageText(spec: ImageSpec | undefined, short = false): string | undefined {
  const arn = spec?.SageMakerImageVersionArn ?? spec?.SageMakerImageArn;
  if (!arn) return undefined;
  const match = /:image(?:-version)?\/([^/]+)(?:\/(\d+))?$/.exec(arn);
  if (!match) return arn;
  const [, image, versionNumber] = match;
  const version = spec?.SageMakerImageVersionArn
    ? versionNumber && `v${versionNumber}`
    : spec?.SageMakerImageVersionAlias;
  const distribution = /^sagemaker-distribution-(cpu|gpu)$/.exec(image);
  if (!distribution) return [image, version].filter(Boolean).join(' ');
  const flavour = distribution[1].toUpperCase();
  if (short) return `SMD ${version ?? l10n.t('latest')} ${flavour}`;
  return l10n.t('SageMaker Distribution {0} ({1})', version ?? l10n.t('(latest)'), flavour);
}

/** Idle shutdown as a person reads it: "after 2 h idle", "after 90 min idle", "not set" (the domain's default applies). */
export function idleText(minutes: number | undefined): string {
  if (minutes === undefined) return l10n.t('not set');
  if (minutes % 1440 === 0) return l10n.t('after {0} d idle', minutes / 1440);
  if (minutes % 60 === 0) return l10n.t('after {0} h idle', minutes / 60);
  return l10n.t('after {0} min idle', minutes);
}

export interface SpaceRow {
  appType?: string;
  sharing?: string;
  appStatus?: string;
  instanceType?: string;
  image?: ImageSpec;
  storageGb?: number;
}

/** "JupyterLab · private · InService · ml.t3.medium · SMD 2.1.0 CPU · 20 GB" (what is known of it). */
export function spaceDescription(row: SpaceRow): string {
  return [
    appTypeLabel(row.appType),
    row.sharing === 'Private'
      ? l10n.t('private')
      : row.sharing === 'Shared'
        ? l10n.t('shared')
        : row.sharing?.toLowerCase(),
    spaceState(row.appStatus),
    row.instanceType,
    imageText(row.image, true),
    row.storageGb !== undefined ? `${row.storageGb} GB` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The name a lifecycle configuration ARN ends with (studio-lifecycle-config/<name>). */
export function lifecycleConfigName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}
