// What SageMaker fills in for Studio resources: the SageMaker Distribution image spaces run by default,
// the instance type, storage and idle defaults, and the URLs domains and spaces answer on.
import { createHash } from 'node:crypto';
import type { World } from '../../world';

/** The AWS account that publishes the SageMaker Distribution images in us-east-1 (and most regions). */
const DISTRIBUTION_ACCOUNT = '885854791233';
export const DISTRIBUTION_VERSION = '2.1.0';

/** SageMaker Distribution (CPU) as the default image of JupyterLab and Code Editor spaces. */
export function distributionImage(
  _world: World,
  region: string,
): { SageMakerImageArn: string; SageMakerImageVersionAlias: string } {
  return {
    SageMakerImageArn: `arn:aws:sagemaker:${region}:${DISTRIBUTION_ACCOUNT}:image/sagemaker-distribution-cpu`,
    SageMakerImageVersionAlias: DISTRIBUTION_VERSION,
  };
}

export const DEFAULT_INSTANCE_TYPE = 'ml.t3.medium';
/** SpaceStorageSettings default (DefaultEbsVolumeSizeInGb) when the domain sets none. */
export const DEFAULT_EBS_GB = 5;

export function domainUrl(id: string, region: string): string {
  return `https://${id}.studio.${region}.sagemaker.aws`;
}

/** A space answers on a host of its own (a hash, as in AWS's space URLs). */
export function spaceUrl(arn: string, region: string): string {
  const host = createHash('sha256').update(arn).digest('hex').slice(0, 16);
  return `https://${host}.studio.${region}.sagemaker.aws`;
}
