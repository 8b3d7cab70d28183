// Profiles as found in the shared config and credentials files, classified by how they get credentials,
// so the profile picker can say "SSO" or "static keys" without resolving anything (no network).
import * as l10n from '@vscode/l10n';

export type ParsedIni = Record<string, Record<string, string | undefined> | undefined>;

export type CredentialKind = 'sso' | 'static' | 'assume-role' | 'process' | 'web-identity' | 'unknown';

export interface ProfileInfo {
  name: string;
  kind: CredentialKind;
  region?: string;
  /** For SSO profiles: the start URL, shown to tell accounts apart. */
  ssoStartUrl?: string;
  ssoAccountId?: string;
  ssoRoleName?: string;
  /** Files the profile appears in. */
  sources: Array<'config' | 'credentials'>;
}

function classify(section: Record<string, string | undefined>): CredentialKind {
  if (section.sso_session || section.sso_start_url) return 'sso';
  if (section.aws_access_key_id && section.aws_secret_access_key) return 'static';
  if (section.role_arn && section.web_identity_token_file) return 'web-identity';
  if (section.role_arn) return 'assume-role';
  if (section.credential_process) return 'process';
  return 'unknown';
}

/**
 * Merge the parsed files (keys already without the `profile ` prefix, as the SDK's loader returns them).
 * The credentials file wins for keys, the config file supplies region and SSO settings.
 */
export function listProfiles(
  configFile: ParsedIni,
  credentialsFile: ParsedIni,
  ssoSessions: ParsedIni = {},
): ProfileInfo[] {
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)]);
  const profiles: ProfileInfo[] = [];
  for (const name of names) {
    const fromConfig = configFile[name] ?? {};
    const fromCredentials = credentialsFile[name] ?? {};
    const merged = { ...fromConfig, ...fromCredentials };
    const session = merged.sso_session ? (ssoSessions[merged.sso_session] ?? {}) : {};
    const sources: ProfileInfo['sources'] = [];
    if (configFile[name]) sources.push('config');
    if (credentialsFile[name]) sources.push('credentials');
    profiles.push({
      name,
      kind: classify(merged),
      region: merged.region ?? session.sso_region,
      ssoStartUrl: merged.sso_start_url ?? session.sso_start_url,
      ssoAccountId: merged.sso_account_id,
      ssoRoleName: merged.sso_role_name,
      sources,
    });
  }
  // "default" first, the rest alphabetically: the order the AWS CLI users expect.
  return profiles.sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}

export function describeCredentialKind(kind: CredentialKind): string {
  switch (kind) {
    case 'sso':
      return l10n.t('IAM Identity Center (SSO)');
    case 'static':
      return l10n.t('access keys');
    case 'assume-role':
      return l10n.t('assumed role');
    case 'process':
      return l10n.t('credential process');
    case 'web-identity':
      return l10n.t('web identity');
    default:
      return l10n.t('settings only');
  }
}
