// A Jupyter server's kernel and terminal activity, read through a connection already open (its cookies and sign-in):
// `GET api/kernels` and `GET api/terminals`, with the server's Date header to measure idleness against. Never opens a
// connection of its own. A server without terminals (404) has none to report.
import * as l10n from '@vscode/l10n';
import type { JupyterActivity } from '../../model/idleNotebooks';
import type { InstanceJupyter } from './instanceConnection';

async function readList<T>(
  jupyter: InstanceJupyter,
  path: string,
  signal: AbortSignal,
): Promise<{ items: T[]; date?: string }> {
  const { baseUrl, fetch } = jupyter.serverSettings;
  const response = await fetch(`${baseUrl}${path}`, { method: 'GET', signal });
  const date = response.headers.get('date') ?? undefined;
  if (response.status === 404 && path === 'api/terminals') {
    await response.body?.cancel();
    return { items: [], date };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(l10n.t('GET {0} answered HTTP {1}', path, response.status));
  }
  const body = (await response.json()) as unknown;
  if (!Array.isArray(body)) throw new Error(l10n.t('GET {0} did not answer a list', path));
  return { items: body as T[], date };
}

/** Kernels and terminals as the server lists them, and its clock; gives up after `timeoutMs`. */
export async function jupyterActivity(jupyter: InstanceJupyter, timeoutMs = 15_000): Promise<JupyterActivity> {
  const signal = AbortSignal.timeout(timeoutMs);
  const [kernels, terminals] = await Promise.all([
    readList<JupyterActivity['kernels'][number]>(jupyter, 'api/kernels', signal),
    readList<JupyterActivity['terminals'][number]>(jupyter, 'api/terminals', signal),
  ]);
  // The earlier of the two answers' clocks: never more idle than either list shows.
  const dates = [kernels.date, terminals.date].filter((d): d is string => !!d);
  const serverDate = dates.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  return { kernels: kernels.items, terminals: terminals.items, serverDate };
}
