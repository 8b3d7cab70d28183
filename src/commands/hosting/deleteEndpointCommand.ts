// Delete an endpoint: the user types its name to confirm (it stops serving at once and cannot be undone),
// and may also delete its endpoint configuration and models; every part is reported, including a part
// that could not be deleted.
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

export const deleteDialogs: DeletePrompts = {
  typeName: (name) =>
    window.showInputBox({
      title: `Delete endpoint ${name}`,
      prompt: `The endpoint stops serving at once and cannot be restored. Type ${name} to confirm.`,
      ignoreFocusOut: true,
      validateInput: (value) => (value === name ? undefined : `Type the endpoint's name exactly: ${name}`),
    }),
  alsoDelete: async (parts) => {
    if (parts.length === 0) return [];
    const picked = await window.showQuickPick(
      // Named like the report ("configuration X, model X"): a configuration and a model often share the endpoint's name.
      parts.map((p) => ({
        label: `${p.kind === 'config' ? 'configuration' : 'model'} ${p.name}`,
        detail: 'Delete only if no other endpoint uses it',
        part: p,
      })),
      {
        title: 'Also delete (optional)',
        canPickMany: true,
        placeHolder: 'Pick what to delete with the endpoint, or press Enter for the endpoint only',
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
  const done = [`endpoint ${endpointName}`];
  const failed: string[] = [];
  for (const part of extra) {
    try {
      if (part.kind === 'config') await deleteEndpointConfig(session.clients, part.name);
      else await deleteModel(session.clients, part.name);
      done.push(`${part.kind === 'config' ? 'configuration' : 'model'} ${part.name}`);
    } catch (error) {
      failed.push(
        `${part.kind === 'config' ? 'configuration' : 'model'} ${part.name} (${toUserError(error, session, 'sagemaker', part.kind === 'config' ? 'DeleteEndpointConfig' : 'DeleteModel').message})`,
      );
    }
  }
  const message = `Deleted ${done.join(', ')}.${failed.length ? ` Not deleted: ${failed.join('; ')}.` : ''}`;
  // A part left behind is a warning the user should act on; the command shows a full deletion as information.
  if (failed.length) void window.showWarningMessage(message);
  return { outcome: 'deleted', message, quiet: failed.length > 0 };
}
