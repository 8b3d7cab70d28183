// The authenticated connection to a Studio JupyterLab space's Jupyter server: CreatePresignedDomainUrl for the
// space, signed in as its owner (a shared space without one: the domain's first user profile), then the same
// cookie/_xsrf session and @jupyterlab/services managers as a notebook instance (instanceConnection.ts). The
// base URL is found from where the URL lands (Studio's /jupyterlab/default/lab), as instanceConnection does.
import * as l10n from '@vscode/l10n';
import type { AwsClients } from '../clients';
import { describeSpace, presignedSpaceUrl, userProfileNames } from '../sagemaker/studioApi';
import { connectToJupyter, type ConnectOptions, type InstanceJupyter } from './instanceConnection';

/** The session length presignedSpaceUrl asks for (SessionExpirationDurationInSeconds). */
export const SPACE_SESSION_SECONDS = 1800;

export interface SpaceRef {
  domainId: string;
  spaceName: string;
  /** The owner's user profile when known (ListSpaces says it); else read with DescribeSpace. */
  owner?: string;
}

/** `<domainId>/<spaceName>`: how connections and controllers key a space. */
export function spaceKey(space: { domainId: string; spaceName: string }): string {
  return `${space.domainId}/${space.spaceName}`;
}

export function parseSpaceKey(key: string): SpaceRef {
  const at = key.indexOf('/');
  return { domainId: key.slice(0, at), spaceName: key.slice(at + 1) };
}

/** Who the presigned URL signs in: the space's owner, or the domain's first user profile. */
async function signInProfile(clients: AwsClients, space: SpaceRef): Promise<string> {
  const owner =
    space.owner ??
    (await describeSpace(clients, space.domainId, space.spaceName)).OwnershipSettings?.OwnerUserProfileName;
  if (owner) return owner;
  const [first] = await userProfileNames(clients, space.domainId);
  if (!first)
    throw new Error(l10n.t('The domain {0} has no user profile to open {1} as.', space.domainId, space.spaceName));
  return first;
}

export async function connectToSpace(
  clients: AwsClients,
  space: SpaceRef,
  options: ConnectOptions = {},
): Promise<InstanceJupyter> {
  let profile: string | undefined;
  const mint =
    options.mint ??
    (async () => {
      profile ??= await signInProfile(clients, space);
      return {
        url: await presignedSpaceUrl(clients, space.domainId, profile, space.spaceName),
        sessionSeconds: SPACE_SESSION_SECONDS,
      };
    });
  return connectToJupyter(l10n.t('space "{0}"', space.spaceName), space.spaceName, { ...options, mint });
}
