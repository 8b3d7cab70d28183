// Delete an endpoint: the user types its name to confirm (it stops serving at once and cannot be undone),
// and may also delete its endpoint configuration and models; every part is reported, including a part
// that could not be deleted.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import {
  deleteEndpoint,
  deleteEndpointConfig,
  deleteModel,
  describeEndpoint,
  describeEndpointConfig,
} from '../../aws/sagemaker/endpointsApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';

export interface DeletePrompts {
  /** The typed name; undefined cancels. */
  typeName(endpointName: string): Thenable<string | undefined>;
  /** Which of the endpoint's configuration and models to delete too; undefined cancels. */
  alsoDelete(
    parts: Array<{ kind: 'config' | 'model'; name: string }>,
  ): Thenable<Array<{ kind: 'config' | 'model'; name: string }> | undefined>;
}

/** "configuration X" or "model X", as the dialogs and the report name a part. */
function partName(part: { kind: 'config' | 'model'; name: string }): string {
  return part.kind === 'config' ? vscode.l10n.t('configuration {0}', part.name) : vscode.l10n.t('model {0}', part.name);
}

export const deleteDialogs: DeletePrompts = {
  typeName: (name) =>
    window.showInputBox({
      title: vscode.l10n.t('Delete endpoint {0}', name),
      prompt: vscode.l10n.t('The endpoint stops serving at once and cannot be restored. Type {0} to confirm.', name),
      ignoreFocusOut: true,
      validateInput: (value) =>
        value === name ? undefined : vscode.l10n.t("Type the endpoint's name exactly: {0}", name),
    }),
  alsoDelete: async (parts) => {
    if (parts.length === 0) return [];
    const picked = await window.showQuickPick(
      // Named like the report ("configuration X, model X"): a configuration and a model often share the endpoint's name.
      parts.map((p) => ({
        label: partName(p),
        detail: vscode.l10n.t('Delete only if no other endpoint uses it'),
        part: p,
      })),
      {
        title: vscode.l10n.t('Also delete (optional)'),
        canPickMany: true,
        placeHolder: vscode.l10n.t('Pick what to delete with the endpoint, or press Enter for the endpoint only'),
      },
    );
    return picked?.map((p) => p.part);
  },
};

export async function deleteEndpointWithParts(
  session: AwsSession,
  endpointName: string,
  prompts: DeletePrompts = deleteDialogs,
): Promise<{ outcome: 'deleted' | 'cancelled' | 'failed'; message?: string; quiet?: boolean }> {
  const described = await describeEndpoint(session.clients, endpointName);
  const configName = described.EndpointConfigName;
  const config = configName
    ? await describeEndpointConfig(session.clients, configName).catch(() => undefined)
    : undefined;
  const models = [
    ...new Set(
      [...(config?.ProductionVariants ?? []), ...(config?.ShadowProductionVariants ?? [])]
        .map((v) => v.ModelName)
        .filter((m): m is string => !!m),
    ),
  ];
  const typed = await prompts.typeName(endpointName);
  if (typed !== endpointName) return { outcome: 'cancelled' };
  const parts = [
    ...(configName ? [{ kind: 'config' as const, name: configName }] : []),
    ...models.map((name) => ({ kind: 'model' as const, name })),
  ];
  const extra = await prompts.alsoDelete(parts);
  if (extra === undefined) return { outcome: 'cancelled' };
  try {
    await deleteEndpoint(session.clients, endpointName);
  } catch (error) {
    return { outcome: 'failed', message: toUserError(error, session, 'sagemaker', 'DeleteEndpoint').message };
  }
  const done = [vscode.l10n.t('endpoint {0}', endpointName)];
  const failed: string[] = [];
  for (const part of extra) {
    try {
      if (part.kind === 'config') await deleteEndpointConfig(session.clients, part.name);
      else await deleteModel(session.clients, part.name);
      done.push(partName(part));
    } catch (error) {
      failed.push(
        `${partName(part)} (${toUserError(error, session, 'sagemaker', part.kind === 'config' ? 'DeleteEndpointConfig' : 'DeleteModel').message})`,
      );
    }
  }
  const message =
    vscode.l10n.t('Deleted {0}.', done.join(', ')) +
    (failed.length ? ' ' + vscode.l10n.t('Not deleted: {0}.', failed.join('; ')) : '');
  // A part left behind is a warning the user should act on; the command shows a full deletion as information.
  if (failed.length) void window.showWarningMessage(message);
  return { outcome: 'deleted', message, quiet: failed.length > 0 };
}
