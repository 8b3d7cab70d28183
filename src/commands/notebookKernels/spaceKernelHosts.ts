// Studio JupyterLab spaces as kernel hosts (kernelHosts.ts): listed per domain with one ListSpaces and one
// ListApps (the newest app of each space says whether it runs; no per-space describe), started with the Studio
// feature's start, checked with DescribeApp, signed in to with CreatePresignedDomainUrl. Loaded when a notebook
// first lists its kernels, not at activation.
import * as vscode from 'vscode';
import type { AppDetails, SpaceDetails } from '@aws-sdk/client-sagemaker';
import { describeSpaceApp, latestSpaceApps, listDomainsPage, listSpacesPage } from '../../aws/sagemaker/studioApi';
import { spaceState } from '../../model/studioText';
import { spaceOfUri } from '../../views/spaceFiles/spaceFileSystem';
import type { Workbench } from '../workbench';
import { SPACE_CONTROLLER_PREFIX, type KernelHost, type ListedHost } from './kernelHosts';

interface SpaceListing {
  domainId: string;
  domainName?: string;
  space: SpaceDetails;
  app?: AppDetails;
}

function spaceHost(wb: Workbench, listing: SpaceListing): KernelHost {
  const { domainId } = listing;
  const spaceName = listing.space.SpaceName ?? '';
  const owner = listing.space.OwnershipSettingsSummary?.OwnerUserProfileName;
  const sharing = listing.space.SpaceSharingSettingsSummary?.SharingType?.toLowerCase();
  const app = { domainId, spaceName, appType: 'JupyterLab' as const };
  return {
    controllerId: `${SPACE_CONTROLLER_PREFIX}${domainId}/${spaceName}`,
    name: spaceName,
    kind: 'space',
    detail: sharing
      ? vscode.l10n.t('SageMaker Studio JupyterLab space ({0}) in {1}', sharing, listing.domainName ?? domainId)
      : vscode.l10n.t('SageMaker Studio JupyterLab space in {0}', listing.domainName ?? domainId),
    stoppedTitle: vscode.l10n.t('Space stopped'),
    filePath: (uri) => {
      const at = spaceOfUri(uri);
      return at?.domainId === domainId && at.spaceName === spaceName ? at.path : undefined;
    },
    connect: async (log) =>
      (await import('../../aws/jupyter/spaceConnection.js')).connectToSpace(
        wb.session.clients,
        { domainId, spaceName, owner },
        { log },
      ),
    status: async () => {
      const out = await describeSpaceApp(wb.session.clients, app).catch((error: unknown) => {
        if ((error as { name?: string }).name === 'ResourceNotFound') return { Status: undefined };
        throw error;
      });
      return spaceState(out.Status);
    },
    // The Studio feature's start (a chunk of its own): reads the space, CreateApp, follows it to InService.
    start: async () =>
      (await import('../studio/spaceCommands.js')).startSpace(
        { session: wb.session, changed: () => wb.views.providers.studio.refresh() },
        { domainId, spaceName },
      ),
  };
}

/**
 * The JupyterLab spaces of every domain (first pages): ListDomains, then per domain one ListSpaces and one
 * ListApps (the newest app of each space says whether it runs); Code Editor spaces have no kernels to offer.
 */
export async function listSpaceHosts(wb: Workbench): Promise<ListedHost[]> {
  const clients = wb.session.clients;
  const domains = (await listDomainsPage(clients, undefined, 100)).items.filter((d) => d.DomainId);
  const perDomain = await Promise.all(
    domains.map(async (domain) => {
      const domainId = domain.DomainId ?? '';
      const [spaces, apps] = await Promise.all([
        listSpacesPage(clients, domainId, undefined, 100),
        latestSpaceApps(clients, domainId),
      ]);
      return spaces.items
        .filter((s) => s.SpaceName && s.SpaceSettingsSummary?.AppType === 'JupyterLab')
        .map((space) => {
          const app = apps.bySpace.get(space.SpaceName ?? '');
          const live = app?.AppType === 'JupyterLab' ? app : undefined;
          const status = space.Status !== 'InService' ? (space.Status ?? 'Unknown') : spaceState(live?.Status);
          return {
            host: spaceHost(wb, { domainId, domainName: domain.DomainName, space, app: live }),
            status,
            description: [status, live?.ResourceSpec?.InstanceType].filter(Boolean).join(' · '),
          };
        });
    }),
  );
  return perDomain.flat();
}
