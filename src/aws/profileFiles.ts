// Reads the shared config and credentials files (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE honoured
// by the SDK's own loader) without resolving any credentials: a local file read, never a network call. The loader
// is in the activation chunk (about 3 KB): imported on demand, webpack's chunk merging put it beside the SDK,
// and activate() then loaded 1.4 MB synchronously to read two small files.
import { loadSharedConfigFiles, loadSsoSessionData } from '@smithy/core/config';
import { listProfiles, type ParsedIni, type ProfileInfo } from '../model/profiles';

export async function readProfiles(): Promise<ProfileInfo[]> {
  const [files, ssoSessions] = await Promise.all([
    loadSharedConfigFiles({ ignoreCache: true }).catch(() => ({ configFile: {}, credentialsFile: {} })),
    loadSsoSessionData().catch(() => ({})),
  ]);
  return listProfiles(files.configFile as ParsedIni, files.credentialsFile as ParsedIni, ssoSessions as ParsedIni);
}

/** True when the environment or the files offer something the credential chain can use. */
export function hasLocalCredentials(
  profileName: string,
  profiles: ProfileInfo[],
  env: Record<string, string | undefined>,
): boolean {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) return true;
  if (
    env.AWS_WEB_IDENTITY_TOKEN_FILE ||
    env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI ||
    env.AWS_CONTAINER_CREDENTIALS_FULL_URI
  ) {
    return true;
  }
  const profile = profiles.find((p) => p.name === profileName);
  return profile !== undefined && profile.kind !== 'unknown';
}
