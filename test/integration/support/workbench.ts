// Gets the activated extension's API in the host, the way another extension would.
import * as vscode from 'vscode';
import type { WorkbenchApi } from '../../../src/extension';

export const EXTENSION_ID = 'sagemaker-workbench.sagemaker-workbench';

export async function workbench(): Promise<WorkbenchApi> {
  const extension = vscode.extensions.getExtension<WorkbenchApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

/** Waits for a condition with a deadline (no fixed sleeps): polls on a short interval. */
export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
