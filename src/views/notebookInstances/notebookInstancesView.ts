// The Notebook Instances view: instances (one list call per page, the size of the pageSize setting) and a group of all lifecycle configurations.
import * as vscode from 'vscode';
import type { NotebookInstanceSummary } from '@aws-sdk/client-sagemaker';
import {
  listLifecycleConfigsPage,
  listNotebookInstancesPage,
  NOTEBOOK_STATUSES,
} from '../../aws/sagemaker/notebookInstancesApi';
import type { AwsSession } from '../../session/awsSession';
import { pageSize } from '../../session/pageSize';
import { DEFAULT_FILTER } from '../../model/viewFilter';
import type { ListSource, ResourceListProvider } from '../tree/resourceListProvider';
import { PagedGroupNode } from '../tree/pagedGroupNode';
import { autoStopReader, autoStopShown } from './autoStopStatus';
import { LifecycleConfigNode } from './lifecycleConfigNode';
import { NotebookInstanceNode } from './notebookInstanceNode';

export function notebookInstancesSource(session: AwsSession): ListSource<NotebookInstanceSummary> {
  return {
    key: 'notebookInstances',
    noun: vscode.l10n.t('notebook instances'),
    singular: vscode.l10n.t('Notebook instance'),
    followedAs: 'notebook instances', // l10n-exempt: the key commands follow notebook instances under, never shown
    service: 'sagemaker',
    operation: 'ListNotebookInstances',
    statuses: NOTEBOOK_STATUSES,
    fetchPage: (token, filter) => listNotebookInstancesPage(session.clients, token, filter, pageSize()),
    statusOf: (summary) => summary.NotebookInstanceStatus,
    keyOf: (summary) => summary.NotebookInstanceName ?? '',
    toNode: (summary) =>
      new NotebookInstanceNode(summary, session.clients, session.current.region, () =>
        autoStopShown(session, summary.NotebookInstanceLifecycleConfigName),
      ),
    groups: (provider: ResourceListProvider<NotebookInstanceSummary>) => {
      const region = session.current.region;
      const group: PagedGroupNode<{
        NotebookInstanceLifecycleConfigName?: string;
        CreationTime?: Date;
        LastModifiedTime?: Date;
      }> = new PagedGroupNode({
        id: `notebookInstances:${region}:lifecycleConfigs`,
        label: vscode.l10n.t('Lifecycle Configurations'),
        icon: 'symbol-event',
        noun: vscode.l10n.t('lifecycle configurations'),
        contextValue: 'lifecycleConfigGroup',
        fetch: (token) =>
          listLifecycleConfigsPage(session.clients, token, { ...DEFAULT_FILTER, sort: 'name' }, pageSize()),
        toNode: (c) => {
          // A configuration changed since its auto-stop verdict was read is read again.
          autoStopReader(session).observe(c.NotebookInstanceLifecycleConfigName ?? '', c.LastModifiedTime);
          return new LifecycleConfigNode(
            c.NotebookInstanceLifecycleConfigName ?? '',
            session.clients,
            region,
            undefined,
            c.CreationTime,
          );
        },
        changed: (node) => provider.refresh(node),
        describeError: (e) => provider.describeError(e),
      });
      return [group];
    },
  };
}
