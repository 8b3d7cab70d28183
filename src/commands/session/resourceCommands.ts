// Commands every sidebar node shares: copy name/ARN, open in the AWS console, show details, load more,
// retry an error node, filter, sort and refresh a view.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { DEFAULT_FILTER, type SortKey } from '../../model/viewFilter';
import type { ExplorerNode } from '../../views/tree/explorerNode';
import { ErrorNode, LoadMoreNode } from '../../views/tree/messageNodes';
import type { ResourceListProvider } from '../../views/tree/resourceListProvider';
import { VIEW_IDS, type ViewKey } from '../../views/viewIds';
import { registerCommand, type CommandHandler } from '../../ui/commands';
import type { Workbench } from '../workbench';

type AnyProvider = ResourceListProvider<unknown>;

export function registerResourceCommands(wb: Workbench): vscode.Disposable[] {
  const resourceOf = (node: ExplorerNode | undefined) => {
    if (!node?.resource) throw new Error(vscode.l10n.t('Select a SageMaker resource in the sidebar first.'));
    return node.resource;
  };
  const command = (id: string, handler: CommandHandler) => registerCommand(wb, `sagemakerWorkbench.${id}`, handler);
  return [
    command('copyName', async (node?: ExplorerNode) => {
      const r = resourceOf(node);
      await vscode.env.clipboard.writeText(r.name);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', r.name), 3000);
      return r.name;
    }),
    command('copyArn', async (node?: ExplorerNode) => {
      const r = resourceOf(node);
      if (!r.arn)
        return {
          outcome: 'refused',
          message: vscode.l10n.t('The ARN of {0} is not known yet: expand it or show its details first.', r.name),
        };
      await vscode.env.clipboard.writeText(r.arn);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', r.arn), 3000);
      return r.arn;
    }),
    command('openInConsole', async (node?: ExplorerNode) => {
      const r = resourceOf(node);
      if (r.consoleUrl) await window.openExternal(vscode.Uri.parse(r.consoleUrl));
      return r.consoleUrl;
    }),
    command('showDetails', (node?: ExplorerNode) => wb.details.open(resourceOf(node))),
    command('refreshDetails', () => {
      const uri = vscode.window.activeTextEditor?.document.uri;
      if (uri) return wb.details.refresh(uri);
    }),
    command('loadMore', async (node?: LoadMoreNode) => {
      if (!(node instanceof LoadMoreNode)) return;
      try {
        await node.run();
      } catch (error) {
        return { outcome: 'failed', message: vscode.l10n.t('Loading more failed: {0}', (error as Error).message) };
      }
    }),
    command('retryNode', (node?: ErrorNode) => {
      if (node instanceof ErrorNode) node.runRetry();
    }),
    // Each view's title bar: filter, clear filter, refresh.
    ...(Object.keys(VIEW_IDS) as ViewKey[]).flatMap((key) => {
      const provider = wb.views.listProvider(key) as AnyProvider | undefined;
      const refresh = registerCommand(wb, `${VIEW_IDS[key]}.refresh`, () => wb.views.providers[key].refresh());
      if (!provider) return [refresh];
      return [
        refresh,
        registerCommand(wb, `${VIEW_IDS[key]}.filter`, () => filterView(provider)),
        registerCommand(wb, `${VIEW_IDS[key]}.clearFilter`, () =>
          provider.setFilter({ ...DEFAULT_FILTER, sort: provider.filter.sort }),
        ),
      ];
    }),
  ];
}

async function filterView(provider: AnyProvider): Promise<void> {
  const current = provider.filter;
  const name = await window.showInputBox({
    title: vscode.l10n.t('Filter {0} (1/3): name contains', provider.noun),
    value: current.nameContains ?? '',
    prompt: vscode.l10n.t('Part of the name; empty for all'),
  });
  if (name === undefined) return;
  const anyStatus = vscode.l10n.t('Any status');
  const statusItems = [
    { label: anyStatus, status: undefined as string | undefined },
    ...provider.statuses.map((s) => ({ label: s, status: s as string | undefined })),
  ];
  const status = provider.statuses.length
    ? await window.showQuickPick(statusItems, {
        title: vscode.l10n.t('Filter {0} (2/3): status', provider.noun),
        placeHolder: current.status ?? anyStatus,
      })
    : statusItems[0];
  if (!status) return;
  const sorts: Array<{ label: string; sort: SortKey }> = [
    { label: vscode.l10n.t('Newest first'), sort: 'newest' },
    { label: vscode.l10n.t('Oldest first'), sort: 'oldest' },
    { label: vscode.l10n.t('By name'), sort: 'name' },
  ];
  const sort = await window.showQuickPick(sorts, { title: vscode.l10n.t('Filter {0} (3/3): sort', provider.noun) });
  if (!sort) return;
  await provider.setFilter({ nameContains: name.trim() || undefined, status: status.status, sort: sort.sort });
}
