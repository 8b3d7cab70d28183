// The activated extension in the host. Tests and host share one copy of every module (the suite loads the
// compiled extension), so the workbench the extension built is the one the tests read views from.
import * as vscode from 'vscode';
import type { WorkbenchApi } from '../../../src/extension';
import { runningWorkbench, type Workbench } from '../../../src/commands/workbench';

export const EXTENSION_ID = 'sagemaker-workbench.sagemaker-workbench';

/** Activates the extension as another extension would and waits until it read the profile files. */
export async function activated(): Promise<WorkbenchApi> {
  const extension = vscode.extensions.getExtension<WorkbenchApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

/** The running workbench: session, log, views and documents, as the extension built them. */
export async function host(): Promise<Workbench> {
  await activated();
  return runningWorkbench();
}

/** Waits for a condition with a deadline (no fixed sleeps): polls on a short interval. */
export async function until<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
