// Endpoint answers as read-only documents beside the editor, named with the endpoint and the latency
// ("abalone-endpoint · 42 ms.csv"). Kept in memory for the session only; never written to disk or logs.
import * as vscode from 'vscode';
import type { Invocation } from '../../aws/sagemaker/runtimeApi';
import { responseExtension } from '../../model/invokePayload';

export const RESPONSE_SCHEME = 'sagemaker-workbench-response';
const KEPT = 50;

export class ResponseDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private count = 0;

  add(endpointName: string, invocation: Invocation): vscode.Uri {
    this.count++;
    const body = responseExtension(invocation.contentType) === 'json' ? pretty(invocation.body) : invocation.body;
    const uri = vscode.Uri.from({
      scheme: RESPONSE_SCHEME,
      path: `/${vscode.l10n.t('{0} · response {1} · {2} ms', endpointName, this.count, invocation.latencyMs)}.${responseExtension(invocation.contentType)}`,
    });
    this.contents.set(uri.toString(), body);
    if (this.contents.size > KEPT) this.contents.delete(this.contents.keys().next().value!);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return (
      this.contents.get(uri.toString()) ?? vscode.l10n.t('This response is no longer kept; invoke the endpoint again.')
    );
  }
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
