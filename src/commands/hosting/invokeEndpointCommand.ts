// Test an endpoint with one request: the payload is the selection, the active file or a typed line; the
// content type is asked once per endpoint and remembered; the answer opens beside the editor, named with
// the latency. Checked before sending: a content type that is not one, an empty or over-6 MB payload.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { invokeEndpoint, type Invocation } from '../../aws/sagemaker/runtimeApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { CONTENT_TYPES, contentTypeProblem, payloadProblem } from '../../model/invokePayload';
import type { ResponseDocuments } from '../../views/endpoints/responseDocuments';

export type PayloadSource = 'selection' | 'file' | 'typed';

export interface InvokePrompts {
  payloadSource(available: PayloadSource[], endpointName: string): Thenable<PayloadSource | undefined>;
  typedLine(endpointName: string): Thenable<string | undefined>;
  contentType(endpointName: string, suggested: string): Thenable<string | undefined>;
}

export interface InvokeContext {
  session: AwsSession;
  /** Remembers each endpoint's content type (workspace state). */
  store: vscode.Memento;
  responses: ResponseDocuments;
}

export type InvokeOutcome = {
  outcome: 'answered' | 'cancelled' | 'refused' | 'failed';
  message?: string;
  invocation?: Invocation;
  document?: vscode.Uri;
  contentType?: string;
};

const contentTypeKey = (session: AwsSession, endpointName: string) =>
  `invokeContentType:${session.current.region}:${endpointName}`;

/** The endpoint's remembered content type, or the one asked now (then remembered). */
export async function endpointContentType(
  ctx: InvokeContext,
  endpointName: string,
  prompts: Pick<InvokePrompts, 'contentType'>,
  suggested: string,
): Promise<{ value?: string; problem?: string }> {
  const remembered = ctx.store.get<string>(contentTypeKey(ctx.session, endpointName));
  if (remembered) return { value: remembered };
  const typed = await prompts.contentType(endpointName, suggested);
  if (typed === undefined) return {};
  const problem = contentTypeProblem(typed);
  if (problem) return { problem };
  await ctx.store.update(contentTypeKey(ctx.session, endpointName), typed.trim());
  return { value: typed.trim() };
}

export async function forgetContentType(ctx: InvokeContext, endpointName: string): Promise<void> {
  await ctx.store.update(contentTypeKey(ctx.session, endpointName), undefined);
}

export async function invokeOnce(
  ctx: InvokeContext,
  endpointName: string,
  prompts: InvokePrompts,
): Promise<InvokeOutcome> {
  const editor = vscode.window.activeTextEditor;
  const available: PayloadSource[] = [
    ...(editor && !editor.selection.isEmpty ? ['selection' as const] : []),
    ...(editor ? ['file' as const] : []),
    'typed',
  ];
  const source = await prompts.payloadSource(available, endpointName);
  if (!source) return { outcome: 'cancelled' };
  let payload: string | undefined;
  if (source === 'typed') payload = await prompts.typedLine(endpointName);
  else if (editor)
    payload = source === 'selection' ? editor.document.getText(editor.selection) : editor.document.getText();
  if (payload === undefined) return { outcome: 'cancelled' };
  const problem = payloadProblem(Buffer.byteLength(payload));
  if (problem) return { outcome: 'refused', message: problem };
  const suggested =
    source !== 'typed' && editor?.document.languageId === 'json'
      ? 'application/json'
      : payload.trim().startsWith('{') || payload.trim().startsWith('[')
        ? 'application/json'
        : 'text/csv';
  const type = await endpointContentType(ctx, endpointName, prompts, suggested);
  if (type.problem) return { outcome: 'refused', message: type.problem };
  if (!type.value) return { outcome: 'cancelled' };
  let invocation: Invocation;
  try {
    invocation = await invokeEndpoint(ctx.session.clients, endpointName, payload, type.value);
  } catch (error) {
    return {
      outcome: 'failed',
      message: vscode.l10n.t(
        '{0} did not answer: {1}',
        endpointName,
        toUserError(error, ctx.session, 'sagemaker-runtime', 'InvokeEndpoint').message,
      ),
      contentType: type.value,
    };
  }
  const document = ctx.responses.add(endpointName, invocation);
  await vscode.window.showTextDocument(document, {
    viewColumn: vscode.ViewColumn.Beside,
    preview: false,
    preserveFocus: true,
  });
  const message = vscode.l10n.t(
    '{0} ({1}) answered in {2} ms.',
    endpointName,
    invocation.variant ?? vscode.l10n.t('variant'),
    invocation.latencyMs,
  );
  vscode.window.setStatusBarMessage(message, 10_000);
  return { outcome: 'answered', message, invocation, document, contentType: type.value };
}

const SOURCE_LABELS: Record<PayloadSource, { label: string; detail: string }> = {
  selection: { label: vscode.l10n.t('Selection'), detail: vscode.l10n.t('the selected text of the active editor') },
  file: { label: vscode.l10n.t('Active file'), detail: vscode.l10n.t('the whole file in the active editor') },
  typed: {
    label: vscode.l10n.t('Type a line…'),
    detail: vscode.l10n.t('e.g. {0}', 'M,0.455,0.365,0.095,0.514,0.2245,0.101,0.15'),
  },
};

export const invokeDialogs: InvokePrompts = {
  payloadSource: async (available, endpointName) => {
    if (available.length === 1) return available[0];
    const picked = await window.showQuickPick(
      available.map((s) => ({ ...SOURCE_LABELS[s], source: s })),
      { title: vscode.l10n.t('Test {0}: what to send', endpointName) },
    );
    return picked?.source;
  },
  typedLine: (endpointName) =>
    window.showInputBox({
      title: vscode.l10n.t('Test {0}', endpointName),
      prompt: vscode.l10n.t('One CSV row (features only) or a JSON document'),
      ignoreFocusOut: true,
      validateInput: (v) => payloadProblem(Buffer.byteLength(v)),
    }),
  contentType: async (endpointName, suggested) => {
    const other = vscode.l10n.t('Other…');
    const items = [...CONTENT_TYPES.map((t) => ({ label: t })), { label: other }];
    const picked = await window.showQuickPick(items, {
      title: vscode.l10n.t('Content type {0} takes (remembered for this endpoint)', endpointName),
      placeHolder: suggested,
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    if (picked.label !== other) return picked.label;
    return window.showInputBox({
      title: vscode.l10n.t('Content type for {0}', endpointName),
      value: suggested,
      ignoreFocusOut: true,
      validateInput: contentTypeProblem,
    });
  },
};
