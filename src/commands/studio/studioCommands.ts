// The Studio commands as menus, tree nodes and the palette run them: each resolves what it was invoked on (a
// space, profile or domain node; else it asks for the domain, when there is more than one, and the space)
// and returns its outcome for the command wrapper to show. Loaded on first use, as a chunk of its own.
import * as vscode from 'vscode';
import { domainSpaces, listDomainsPage, userProfileNames } from '../../aws/sagemaker/studioApi';
import type { CommandOutcome } from '../../ui/commands';
import { confirmModal } from '../../ui/confirmModal';
import { window } from '../../ui/window';
import type { ExplorerNode } from '../../views/tree/explorerNode';
import { createSpaceFromPlan } from './createSpaceCommand';
import { askSpacePlan } from './createSpaceWizard';
import {
  changeIdleShutdown,
  changeInstanceType,
  deleteSpaceChecked,
  openSpace,
  startSpace,
  stopSpace,
  type SpaceTarget,
  type StudioContext,
} from './spaceCommands';

const cancelled: CommandOutcome = { outcome: 'cancelled' };

/** The domain and owner a node stands for (a domain, a user profile or a space). */
function domainOf(target: unknown): { domainId: string; owner?: string } | undefined {
  const node = target as (ExplorerNode & { domainId?: string; domain?: { domainId: string } }) | undefined;
  switch (node?.resource?.kind) {
    case 'studio-domain':
      return { domainId: node.resource.name };
    case 'studio-user-profile':
      return node.domain ? { domainId: node.domain.domainId, owner: node.resource.name } : undefined;
    case 'studio-space':
      return node.domainId ? { domainId: node.domainId } : undefined;
    default:
      return undefined;
  }
}

async function pickDomain(ctx: StudioContext, title: string): Promise<string | undefined> {
  const page = await listDomainsPage(ctx.session.clients, undefined, 100);
  const domains = page.items.map((d) => ({
    label: d.DomainName ?? d.DomainId ?? '',
    description: d.DomainId,
    id: d.DomainId ?? '',
  }));
  if (domains.length === 0)
    throw new Error(vscode.l10n.t('There is no SageMaker domain in {0}.', ctx.session.current.region));
  if (domains.length === 1) return domains[0].id;
  return (await window.showQuickPick(domains, { title: vscode.l10n.t('{0}: which domain?', title) }))?.id;
}

async function spaceOf(ctx: StudioContext, target: unknown, title: string): Promise<SpaceTarget | undefined> {
  const node = target as (ExplorerNode & { domainId?: string }) | undefined;
  if (node?.resource?.kind === 'studio-space' && node.domainId)
    return { domainId: node.domainId, spaceName: node.resource.name };
  const domainId = domainOf(target)?.domainId ?? (await pickDomain(ctx, title));
  if (!domainId) return undefined;
  const spaces = await domainSpaces(ctx.session.clients, domainId);
  const picked = await window.showQuickPick(
    spaces.map((s) => ({
      label: s.SpaceName ?? '',
      description: [
        s.SpaceSettingsSummary?.AppType,
        s.SpaceSharingSettingsSummary?.SharingType?.toLowerCase(),
        s.OwnershipSettingsSummary?.OwnerUserProfileName,
      ]
        .filter(Boolean)
        .join(' · '),
    })),
    { title },
  );
  return picked ? { domainId, spaceName: picked.label } : undefined;
}

type SpaceAction = (ctx: StudioContext, target: SpaceTarget) => Promise<CommandOutcome>;

function onSpace(title: string, action: SpaceAction) {
  return async (ctx: StudioContext, target: unknown): Promise<CommandOutcome> => {
    const space = await spaceOf(ctx, target, title);
    return space ? action(ctx, space) : cancelled;
  };
}

/** Handlers by command id (without the `sagemakerWorkbench.` prefix). */
export const studioHandlers: Record<string, (ctx: StudioContext, target: unknown) => Promise<CommandOutcome>> = {
  startSpace: onSpace(vscode.l10n.t('Start which space?'), startSpace),
  stopSpace: onSpace(vscode.l10n.t('Stop which space?'), stopSpace),
  deleteSpace: onSpace(vscode.l10n.t('Delete which space?'), deleteSpaceChecked),
  changeSpaceInstanceType: onSpace(vscode.l10n.t('Change the instance type of which space?'), changeInstanceType),
  changeSpaceIdleShutdown: onSpace(vscode.l10n.t('Change the idle shutdown of which space?'), changeIdleShutdown),
  openSpaceInBrowser: onSpace(vscode.l10n.t('Open which space?'), (ctx, space) =>
    openSpace(ctx, space, async () =>
      window.showQuickPick(await userProfileNames(ctx.session.clients, space.domainId), {
        title: vscode.l10n.t('Open {0} as which user profile?', space.spaceName),
      }),
    ),
  ),
  createSpace: async (ctx, target) => {
    const where = domainOf(target);
    const domainId = where?.domainId ?? (await pickDomain(ctx, vscode.l10n.t('Create a space')));
    if (!domainId) return cancelled;
    return createSpaceFromPlan(ctx, domainId, where?.owner, askSpacePlan, confirmModal);
  },
};
