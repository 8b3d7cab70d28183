// Commands every sidebar node shares: copy name/ARN, open in the AWS console, show details, load more,
// retry an error node, filter, sort and refresh a view.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { DEFAULT_FILTER, type SortKey } from '../../model/viewFilter';
import type { DetailsDocuments } from '../../views/details/detailsDocuments';
import type { ExplorerNode } from '../../views/tree/explorerNode';
import { ErrorNode, LoadMoreNode } from '../../views/tree/messageNodes';
import type { ResourceListProvider } from '../../views/tree/resourceListProvider';

type AnyProvider = ResourceListProvider<unknown>;

export function registerResourceCommands(details: DetailsDocuments, providerFor: (viewKey: string) => AnyProvider | undefined): vscode.Disposable[] {
  const resourceOf = (node: ExplorerNode | undefined) => {
    if (!node?.resource) throw new Error('Select a SageMaker resource in the sidebar first.');
    return node.resource;
  };
  return [
    vscode.commands.registerCommand('sagemakerWorkbench.copyName', async (node?: ExplorerNode) => {
      const r = resourceOf(node);
      await vscode.env.clipboard.writeText(r.name);
      void vscode.window.setStatusBarMessage(`Copied ${r.name}`, 3000);
    }),
    vscode.commands.registerCommand('sagemakerWorkbench.copyArn', async (node?: ExplorerNode) => {
      const r = resourceOf(node);
      if (!r.arn) {
        void window.showWarningMessage(`The ARN of ${r.name} is not known yet: expand it or show its details first.`);
        return;
      }
      await vscode.env.clipboard.writeText(r.arn);
      void vscode.window.setStatusBarMessage(`Copied ${r.arn}`, 3000);
    }),
    vscode.commands.registerCommand('sagemakerWorkbench.openInConsole', async (node?: ExplorerNode) => {
      const r = resourceOf(node);
      if (r.consoleUrl) await vscode.env.openExternal(vscode.Uri.parse(r.consoleUrl));
    }),
    vscode.commands.registerCommand('sagemakerWorkbench.showDetails', (node?: ExplorerNode) => details.open(resourceOf(node))),
    vscode.commands.registerCommand('sagemakerWorkbench.refreshDetails', () => {
      const uri = vscode.window.activeTextEditor?.document.uri;
      if (uri) details.refresh(uri);
    }),
    vscode.commands.registerCommand('sagemakerWorkbench.loadMore', async (node?: LoadMoreNode) => {
      if (node instanceof LoadMoreNode) {
        try {
          await node.run();
        } catch (error) {
          void window.showErrorMessage(`Loading more failed: ${(error as Error).message}`);
        }
      }
    }),
    vscode.commands.registerCommand('sagemakerWorkbench.retryNode', (node?: ErrorNode) => {
      if (node instanceof ErrorNode) node.runRetry();
    }),
    vscode.commands.registerCommand('sagemakerWorkbench.filterView', async (viewKey?: string) => {
      const provider = typeof viewKey === 'string' ? providerFor(viewKey) : undefined;
      if (provider) await filterView(provider);
    }),
    vscode.commands.registerCommand('sagemakerWorkbench.clearFilter', async (viewKey?: string) => {
      const provider = typeof viewKey === 'string' ? providerFor(viewKey) : undefined;
      if (provider) await provider.setFilter({ ...DEFAULT_FILTER, sort: provider.filter.sort });
    }),
    vscode.commands.registerCommand('sagemakerWorkbench.refreshView', (viewKey?: string) => {
      const provider = typeof viewKey === 'string' ? providerFor(viewKey) : undefined;
      provider?.refresh();
    }),
  ];
}

async function filterView(provider: AnyProvider): Promise<void> {
  const current = provider.filter;
  const name = await window.showInputBox({
    title: `Filter ${provider.noun} (1/3): name contains`,
    value: current.nameContains ?? '',
    prompt: 'Part of the name; empty for all',
  });
  if (name === undefined) return;
  const statusItems = [{ label: 'Any status', status: undefined as string | undefined }, ...provider.statuses.map((s) => ({ label: s, status: s as string | undefined }))];
  const status = provider.statuses.length
    ? await window.showQuickPick(statusItems, { title: `Filter ${provider.noun} (2/3): status`, placeHolder: current.status ?? 'Any status' })
    : statusItems[0];
  if (!status) return;
  const sorts: Array<{ label: string; sort: SortKey }> = [
    { label: 'Newest first', sort: 'newest' }, { label: 'Oldest first', sort: 'oldest' }, { label: 'By name', sort: 'name' },
  ];
  const sort = await window.showQuickPick(sorts, { title: `Filter ${provider.noun} (3/3): sort` });
  if (!sort) return;
  await provider.setFilter({ nameContains: name.trim() || undefined, status: status.status, sort: sort.sort });
}
