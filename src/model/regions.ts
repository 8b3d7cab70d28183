// Regions where SageMaker is offered, with the names the AWS console uses. A static list keeps the region
// picker free of network calls; the picker also accepts any typed region code.
import * as l10n from '@vscode/l10n';

export interface RegionInfo {
  code: string;
  name: string;
}

export const SAGEMAKER_REGIONS: readonly RegionInfo[] = [
  { code: 'us-east-1', name: l10n.t('US East (N. Virginia)') },
  { code: 'us-east-2', name: l10n.t('US East (Ohio)') },
  { code: 'us-west-1', name: l10n.t('US West (N. California)') },
  { code: 'us-west-2', name: l10n.t('US West (Oregon)') },
  { code: 'af-south-1', name: l10n.t('Africa (Cape Town)') },
  { code: 'ap-east-1', name: l10n.t('Asia Pacific (Hong Kong)') },
  { code: 'ap-south-1', name: l10n.t('Asia Pacific (Mumbai)') },
  { code: 'ap-south-2', name: l10n.t('Asia Pacific (Hyderabad)') },
  { code: 'ap-southeast-1', name: l10n.t('Asia Pacific (Singapore)') },
  { code: 'ap-southeast-2', name: l10n.t('Asia Pacific (Sydney)') },
  { code: 'ap-southeast-3', name: l10n.t('Asia Pacific (Jakarta)') },
  { code: 'ap-northeast-1', name: l10n.t('Asia Pacific (Tokyo)') },
  { code: 'ap-northeast-2', name: l10n.t('Asia Pacific (Seoul)') },
  { code: 'ap-northeast-3', name: l10n.t('Asia Pacific (Osaka)') },
  { code: 'ca-central-1', name: l10n.t('Canada (Central)') },
  { code: 'eu-central-1', name: l10n.t('Europe (Frankfurt)') },
  { code: 'eu-central-2', name: l10n.t('Europe (Zurich)') },
  { code: 'eu-west-1', name: l10n.t('Europe (Ireland)') },
  { code: 'eu-west-2', name: l10n.t('Europe (London)') },
  { code: 'eu-west-3', name: l10n.t('Europe (Paris)') },
  { code: 'eu-north-1', name: l10n.t('Europe (Stockholm)') },
  { code: 'eu-south-1', name: l10n.t('Europe (Milan)') },
  { code: 'eu-south-2', name: l10n.t('Europe (Spain)') },
  { code: 'il-central-1', name: l10n.t('Israel (Tel Aviv)') },
  { code: 'me-south-1', name: l10n.t('Middle East (Bahrain)') },
  { code: 'me-central-1', name: l10n.t('Middle East (UAE)') },
  { code: 'sa-east-1', name: l10n.t('South America (São Paulo)') },
  { code: 'us-gov-west-1', name: l10n.t('AWS GovCloud (US-West)') },
  { code: 'us-gov-east-1', name: l10n.t('AWS GovCloud (US-East)') },
  { code: 'cn-north-1', name: l10n.t('China (Beijing)') },
  { code: 'cn-northwest-1', name: l10n.t('China (Ningxia)') },
];

const REGION_CODE = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

export function isRegionCode(value: string): boolean {
  return REGION_CODE.test(value);
}

export function regionName(code: string): string | undefined {
  return SAGEMAKER_REGIONS.find((r) => r.code === code)?.name;
}
