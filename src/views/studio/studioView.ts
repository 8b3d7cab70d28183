// The Studio view: SageMaker domains (one ListDomains call per page), and below the list a group of all Studio
// lifecycle configurations. The nodes (domains → user profiles → spaces) load with the first page, as a chunk
// of their own, so the activation bundle carries only this source.
import * as vscode from 'vscode';
import type { DomainDetails } from '@aws-sdk/client-sagemaker';
import type { AwsSession } from '../../session/awsSession';
import { matchesFilter } from '../../model/viewFilter';
import type { ExplorerNode } from '../tree/explorerNode';
import { withKeptNodes } from '../tree/keptNodes';
import { onAutoRefreshSecondsChanged } from '../tree/statusPoller';
import type { ListSource } from '../tree/resourceListProvider';

type StudioNodes = typeof import('./studioNodes.js');

/** What the nodes share: the session, and whether the view is shown (spaces are polled only then). */
export interface StudioViewState {
  session: AwsSession;
  visible(): boolean;
}

export function studioSource(session: AwsSession): ListSource<DomainDetails> {
  let nodes: StudioNodes | undefined;
  const load = async () => (nodes ??= await import(/* webpackChunkName: "studio" */ './studioNodes.js'));
  let view: vscode.TreeView<ExplorerNode> | undefined;
  const state: StudioViewState = { session, visible: () => view?.visible ?? false };
  const source = withKeptNodes<DomainDetails, ExplorerNode & { update(d: DomainDetails): void }>(
    session,
    {
      key: 'studio',
      noun: vscode.l10n.t('Studio domains'),
      singular: vscode.l10n.t('Studio domain'),
      service: 'sagemaker',
      operation: 'ListDomains',
      statuses: [],
      // ListDomains takes no filter or sort: a name filter is applied to the page it returns.
      fetchPage: async (token, filter) => {
        const tree = await load();
        const page = await tree.listDomainsForView(session, token);
        return { ...page, items: page.items.filter((d) => matchesFilter(d.DomainName ?? '', d.Status, filter)) };
      },
      statusOf: (d) => d.Status,
      keyOf: (d) => d.DomainId ?? '',
      groupsLast: true,
    },
    {
      idOf: (d, region) => `studio:${region}:${d.DomainId}`,
      create: (d, region, changed) => nodes!.createDomainNode(d, region, state, changed),
      update: (node, d) => node.update(d),
      groups: (changed, provider) => nodes!.studioGroups(state, changed, (e) => provider.describeError(e)),
    },
  );
  return {
    ...source,
    // Spaces starting or stopping are polled only while the view is shown (as the other views' items are):
    // hidden, a due poll is dropped; shown again or with a new interval, polling goes on at once.
    attach: (treeView) => {
      view = treeView;
      const watches = [
        treeView.onDidChangeVisibility(() => nodes?.reschedulePolls()),
        onAutoRefreshSecondsChanged(() => nodes?.reschedulePolls()),
      ];
      return {
        dispose: () => {
          view = undefined;
          for (const w of watches) w.dispose();
        },
      };
    },
  };
}
