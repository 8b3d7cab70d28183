// Which profile, region and endpoint the extension talks to. Explicit settings win over the environment
// because the user chose them in this editor; the environment wins over file defaults, as in the AWS CLI.

export interface SessionSettings {
  profile: string;
  region: string;
  endpointUrl: string;
}

export interface ResolvedSession {
  /** undefined: the SDK's default credential chain (env keys, then the `default` profile, SSO, IMDS...). */
  profile: string | undefined;
  /** What to show the user for the profile. */
  profileLabel: string;
  region: string;
  regionSource: 'setting' | 'environment' | 'profile' | 'fallback';
  endpointUrl: string | undefined;
  endpointSource: 'setting' | 'environment' | undefined;
}

export const FALLBACK_REGION = 'us-east-1';

export function resolveSession(
  settings: SessionSettings,
  env: Record<string, string | undefined>,
  regionOfProfile: (profile: string) => string | undefined,
): ResolvedSession {
  const profile = nonEmpty(settings.profile) ?? nonEmpty(env.AWS_PROFILE);
  const profileForFiles = profile ?? 'default';

  let region: string;
  let regionSource: ResolvedSession['regionSource'];
  const fromEnv = nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
  const fromProfile = regionOfProfile(profileForFiles);
  if (nonEmpty(settings.region)) {
    region = settings.region.trim();
    regionSource = 'setting';
  } else if (fromEnv) {
    region = fromEnv;
    regionSource = 'environment';
  } else if (fromProfile) {
    region = fromProfile;
    regionSource = 'profile';
  } else {
    region = FALLBACK_REGION;
    regionSource = 'fallback';
  }

  const endpointSetting = nonEmpty(settings.endpointUrl);
  const endpointEnv = nonEmpty(env.AWS_ENDPOINT_URL);
  return {
    profile,
    profileLabel: profile ?? 'default',
    region,
    regionSource,
    endpointUrl: endpointSetting ?? endpointEnv,
    endpointSource: endpointSetting ? 'setting' : endpointEnv ? 'environment' : undefined,
  };
}

/** A short, stable key: clients and caches are per profile, region and endpoint. */
export function sessionKey(s: ResolvedSession): string {
  return `${s.profile ?? '<chain>'}|${s.region}|${s.endpointUrl ?? ''}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}
