// The Jupyter session a notebook runs in on an instance or a space: its path (which sets the kernel's working directory),
// the kernel spec the user picks (the notebook's saved one first, a running session offered for re-attaching),
// then the session started or re-attached.
import * as path from 'path';
import * as vscode from 'vscode';
import type { Session } from '@jupyterlab/services';
import type { InstanceJupyter, KernelSpecInfo } from '../../aws/jupyter/instanceConnection';
import { window } from '../../ui/window';
import type { KernelHost } from './kernelHosts';

export interface OpenedSession {
  session: Session.ISessionConnection;
  notebookPath: string;
  kernelSpec: string;
  reattached: boolean;
}

/**
 * Where the notebook is among the host's files when it was opened from them (so the seeds' relative paths
 * work), else its file name at the host's root.
 */
export function sessionPath(notebook: vscode.NotebookDocument, host: Pick<KernelHost, 'filePath'>): string {
  return host.filePath(notebook.uri) || path.posix.basename(notebook.uri.path) || 'Untitled.ipynb';
}

/** The kernel spec name in the notebook's own metadata (`metadata.kernelspec.name` of the .ipynb). */
function savedKernelSpec(notebook: vscode.NotebookDocument): string | undefined {
  const metadata = notebook.metadata as { metadata?: { kernelspec?: { name?: unknown } } };
  const name = metadata.metadata?.kernelspec?.name;
  return typeof name === 'string' ? name : undefined;
}

/**
 * Asks for the kernel spec (or, with `useSaved`, takes the notebook's saved one when the instance has it, as
 * Jupyter does when it opens a notebook), then starts or re-attaches the notebook's session; undefined when the
 * user cancels.
 */
export async function openNotebookSession(
  jupyter: InstanceJupyter,
  notebook: vscode.NotebookDocument,
  host: Pick<KernelHost, 'filePath' | 'name'>,
  useSaved = false,
): Promise<OpenedSession | undefined> {
  const instanceName = host.name;
  const specs = await jupyter.kernelSpecs();
  const notebookPath = sessionPath(notebook, host);
  const running = await jupyter.sessions.findByPath(notebookPath);
  const saved = savedKernelSpec(notebook);
  const savedThere = useSaved && specs.some((spec) => spec.name === saved) ? saved : undefined;
  const picked = savedThere
    ? { name: savedThere }
    : await pickKernelSpec(specs, saved, running, notebookPath, instanceName);
  if (!picked) return undefined;
  if (running) {
    const session = jupyter.sessions.connectTo({ model: running });
    if (running.kernel?.name !== picked.name) await session.changeKernel({ name: picked.name });
    return { session, notebookPath, kernelSpec: picked.name, reattached: true };
  }
  const session = await jupyter.sessions.startNew({
    path: notebookPath,
    type: 'notebook',
    name: notebookPath.split('/').pop() ?? notebookPath,
    kernel: { name: picked.name },
  });
  return { session, notebookPath, kernelSpec: picked.name, reattached: false };
}

function pickKernelSpec(
  specs: readonly KernelSpecInfo[],
  saved: string | undefined,
  running: Session.IModel | undefined,
  notebookPath: string,
  instanceName: string,
): Thenable<{ name: string } | undefined> {
  // The kernel the notebook was saved with comes first, as Jupyter itself would start it.
  const ordered = [...specs].sort((a, b) => Number(b.name === saved) - Number(a.name === saved));
  return window.showQuickPick(
    ordered.map((spec) => ({
      label: spec.displayName,
      description: [
        spec.name !== spec.displayName ? spec.name : '',
        running?.kernel?.name === spec.name ? vscode.l10n.t('running: re-attach') : '',
      ]
        .filter(Boolean)
        .join(' · '),
      detail:
        spec.name === saved
          ? vscode.l10n.t('The kernel this notebook was saved with')
          : spec.isDefault
            ? vscode.l10n.t('The server’s default kernel')
            : undefined,
      name: spec.name,
    })),
    {
      title: vscode.l10n.t('Kernel on {0}', instanceName),
      placeHolder: vscode.l10n.t('Choose the kernel that runs {0} on {1}', notebookPath, instanceName),
      ignoreFocusOut: true,
    },
  );
}
