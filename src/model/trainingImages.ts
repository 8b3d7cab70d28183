// What a training job's container image says about the job: an AutoGluon run, a bring-your-own-container
// (BYOC) image from the account's own ECR, or an AWS-owned algorithm / framework image.
import * as l10n from '@vscode/l10n';

export interface EcrImage {
  account: string;
  region: string;
  /** Repository path, e.g. `autogluon-training` or `team/abalone-autogluon`. */
  repository: string;
  /** Tag or digest, if the URI has one. */
  reference?: string;
}

const ECR_HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/;

export function parseEcrImage(uri: string | undefined): EcrImage | undefined {
  if (!uri) return undefined;
  const slash = uri.indexOf('/');
  if (slash < 0) return undefined;
  const host = ECR_HOST.exec(uri.slice(0, slash));
  if (!host) return undefined;
  const rest = uri.slice(slash + 1);
  const at = rest.indexOf('@');
  const colon = rest.lastIndexOf(':');
  let repository = rest;
  let reference: string | undefined;
  if (at >= 0) {
    repository = rest.slice(0, at);
    reference = rest.slice(at + 1);
  } else if (colon > rest.lastIndexOf('/')) {
    repository = rest.slice(0, colon);
    reference = rest.slice(colon + 1);
  }
  return { account: host[1], region: host[2], repository, reference };
}

/** Account id from a SageMaker ARN (`arn:aws:sagemaker:<region>:<account>:training-job/<name>`). */
export function accountOfArn(arn: string | undefined): string | undefined {
  const account = arn?.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

/** AutoGluon: the image repository is named after it (AWS's `autogluon-training` or a team's own build). */
export function isAutoGluonImage(uri: string | undefined): boolean {
  const image = parseEcrImage(uri);
  const repository = image ? image.repository : repositoryOfOtherRegistry(uri);
  return !!repository && repository.toLowerCase().includes('autogluon');
}

function repositoryOfOtherRegistry(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  const withoutRef = uri.split('@')[0];
  const colon = withoutRef.lastIndexOf(':');
  return colon > withoutRef.lastIndexOf('/') ? withoutRef.slice(0, colon) : withoutRef;
}

export type ImageOrigin = 'own' | 'aws' | 'other';

/**
 * Where the image lives. `own`: the job's account's ECR, i.e. bring your own container. AWS publishes its
 * algorithm and framework images (XGBoost, Linear Learner, Deep Learning Containers, AutoGluon DLCs) from its own
 * accounts, never from the customer's; an image in a third account is `other` (shared from another team).
 */
export function imageOrigin(uri: string | undefined, ownAccount: string | undefined): ImageOrigin | undefined {
  const image = parseEcrImage(uri);
  if (!image) return uri ? 'other' : undefined;
  if (ownAccount && image.account === ownAccount) return 'own';
  return AWS_IMAGE_ACCOUNTS.has(image.account) ? 'aws' : 'other';
}

export function isByocImage(uri: string | undefined, ownAccount: string | undefined): boolean {
  return imageOrigin(uri, ownAccount) === 'own';
}

/** One line for the tree: `autogluon-training:0.4-cpu · AutoGluon · AWS image`. */
export function describeImage(uri: string | undefined, ownAccount: string | undefined): string | undefined {
  if (!uri) return undefined;
  const image = parseEcrImage(uri);
  const short = image
    ? `${image.repository}${image.reference && !image.reference.startsWith('sha256:') ? `:${image.reference}` : ''}`
    : uri;
  const origin = imageOrigin(uri, ownAccount);
  const marks = [
    isAutoGluonImage(uri) ? 'AutoGluon' : undefined,
    origin === 'own' ? 'BYOC' : origin === 'aws' ? l10n.t('AWS image') : undefined,
  ];
  return [short, ...marks].filter(Boolean).join(' · ');
}

/**
 * Accounts AWS publishes SageMaker images from (built-in algorithms, framework and Deep Learning Containers,
 * across the commercial regions). Used only to say "AWS image"; BYOC is decided by the job's own account.
 */
const AWS_IMAGE_ACCOUNTS = new Set([
  '763104351884', // Deep Learning Containers, AutoGluon
  '217643126080',
  '727897471807',
  '626614931356',
  '683313688378',
  '520713654638',
  '462105765813', // framework images
  '811284229777',
  '382416733822',
  '825641698319',
  '433757028032',
  '246618743249',
  '257758044811', // built-in algorithms
]);
