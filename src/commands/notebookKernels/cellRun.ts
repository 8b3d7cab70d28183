// One cell run on an instance's kernel: the execute_request, its IOPub messages turned into output edits
// (src/model/jupyter) applied through the cell's NotebookCellExecution in arrival order, `input()` answered in
// an input box, and the end (✓/✗, [n], start and end time) once both the reply and the kernel's idle came.
import * as vscode from 'vscode';
import type { Kernel, KernelMessage } from '@jupyterlab/services';
import {
  CellOutputs,
  type CellOutputData,
  type DisplayRegistry,
  type OutputEdit,
} from '../../model/jupyter/cellOutputs';
import { ExecutionTracker, inputEcho, inputPrompt, type ExecutionEnd } from '../../model/jupyter/executionState';
import type { InputRequestContent, JupyterMessage } from '../../model/jupyter/messages';
import type { OutputItemData } from '../../model/jupyter/mimeBundle';
import { OutputBatcher } from '../../model/jupyter/outputBatch';
import { window } from '../../ui/window';

function toItems(items: readonly OutputItemData[]): vscode.NotebookCellOutputItem[] {
  return items.map((item) => new vscode.NotebookCellOutputItem(item.data, item.mime));
}

function toOutput(output: CellOutputData): vscode.NotebookCellOutput {
  return new vscode.NotebookCellOutput(toItems(output.items), { ...output.metadata });
}

/** An error output of the extension's own (the instance stopped, the kernel died): what the cell shows. */
export function noticeOutput(name: string, message: string): vscode.NotebookCellOutput {
  return new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error({ name, message })]);
}

/** A cell run under way; `abandon` ends it from outside (the instance stopped under it). */
export interface RunningCell {
  readonly cell: vscode.NotebookCell;
  abandon(name: string, message: string): void;
}

export interface CellRunOptions {
  controller: vscode.NotebookController;
  kernel: Kernel.IKernelConnection;
  displays: DisplayRegistry<vscode.NotebookCell>;
  instanceName: string;
  /** Told when the run starts and ends, so the owner can abandon it. */
  running(run: RunningCell | undefined): void;
  /** Debug lines: when the request went out and how the run ended (what a hung cell is diagnosed from). */
  log: { debug(message: string): void };
}

/** Runs one code cell; resolves with how it ended (undefined when it was abandoned). */
export function runCell(cell: vscode.NotebookCell, options: CellRunOptions): Promise<ExecutionEnd | undefined> {
  const { controller, kernel, displays } = options;
  const execution = controller.createNotebookCellExecution(cell);
  execution.start(Date.now());
  const outputs = new CellOutputs<vscode.NotebookCell>({ cell, displays });
  const created = new Map<string, vscode.NotebookCellOutput>();
  const applyEdit = (edit: OutputEdit<vscode.NotebookCell>): Thenable<void> | undefined => {
    switch (edit.kind) {
      case 'append': {
        const output = toOutput(edit.output);
        created.set(edit.output.id, output);
        return execution.appendOutput(output);
      }
      case 'appendItems': {
        const output = created.get(edit.outputId);
        return output ? execution.appendOutputItems(toItems(edit.items), output) : undefined;
      }
      case 'replaceItems': {
        // A display of an earlier cell cannot be changed through this cell's execution; only our own outputs.
        const output = edit.cell === cell ? created.get(edit.outputId) : undefined;
        return output ? execution.replaceOutputItems(toItems(edit.items), output) : undefined;
      }
      case 'replaceAll': {
        created.clear();
        const replaced = edit.outputs.map((o) => {
          const output = toOutput(o);
          created.set(o.id, output);
          return output;
        });
        return execution.replaceOutput(replaced);
      }
    }
  };
  // Edits go to VS Code in batches (one round trip per batch, not per kernel message). Within a batch they are
  // issued in order without waiting, as the execution delivers them in the order they were made.
  const batcher = new OutputBatcher<vscode.NotebookCell>(async (batch, first) => {
    const sent: Array<Thenable<void> | undefined> = first ? [execution.clearOutput()] : [];
    for (const edit of batch) sent.push(applyEdit(edit));
    await Promise.all(sent);
  });

  return new Promise((resolve) => {
    let done = false;
    /** Why the run was ended from outside (the debug line says who ended it). */
    let abandonedAs = '';
    const label = `cell ${cell.index + 1} of ${cell.notebook.uri.path.split('/').pop()}`;
    const future = kernel.requestExecute({ code: cell.document.getText(), allow_stdin: true, stop_on_error: true });
    options.log.debug(
      `${label}: execute_request sent (kernel ${kernel.status}, connection ${kernel.connectionStatus})`,
    );
    const tracker = new ExecutionTracker(future.msg.header.msg_id);
    const kernelGone = (status: 'dead' | 'restarting'): void => {
      const change = tracker.handle({
        header: { msg_type: 'status' },
        parent_header: {},
        content: { execution_state: status },
      });
      if (change.end) finish(change.end);
    };
    const statusSub = (_: unknown, status: KernelMessage.Status): void => {
      if (status === 'dead') kernelGone('dead');
      else if (status === 'restarting' || status === 'autorestarting') kernelGone('restarting');
    };
    kernel.statusChanged.connect(statusSub);
    const finish = (end: ExecutionEnd | undefined, notice?: vscode.NotebookCellOutput): void => {
      if (done) return;
      done = true;
      options.log.debug(`${label}: ended (${end?.outcome ?? `abandoned: ${abandonedAs}`})`);
      kernel.statusChanged.disconnect(statusSub);
      options.running(undefined);
      if (end?.message && !notice)
        notice = noticeOutput(
          end.outcome === 'aborted' ? vscode.l10n.t('Not run') : vscode.l10n.t('Kernel died'),
          end.message,
        );
      void batcher
        .settled()
        .then(() => (notice ? execution.appendOutput(notice) : undefined))
        .catch(() => undefined)
        .then(() => {
          if (end?.executionCount !== undefined) execution.executionOrder = end.executionCount;
          execution.end(end ? end.success : false, Date.now());
          resolve(end);
        });
    };
    const handle = (message: JupyterMessage): void => {
      if (done) return;
      batcher.add(outputs.handle(message));
      const change = tracker.handle(message);
      if (change.executionCount !== undefined) execution.executionOrder = change.executionCount;
      if (change.end) finish(change.end);
    };
    future.onIOPub = (message) => handle(message as unknown as JupyterMessage);
    future.onReply = (message) => handle(message as unknown as JupyterMessage);
    future.onStdin = async (message) => {
      if (message.header.msg_type !== 'input_request') return;
      const request = message.content as InputRequestContent;
      const prompt = inputPrompt(request);
      const value = await window.showInputBox({
        title: vscode.l10n.t('Input for the cell running on {0}', options.instanceName),
        prompt: prompt.prompt,
        password: prompt.password,
        placeHolder: prompt.placeHolder,
        ignoreFocusOut: true,
      });
      kernel.sendInputReply(
        { status: 'ok', value: value ?? '' },
        message.header as KernelMessage.IInputReplyMsg['parent_header'],
      );
      if (value === undefined) void kernel.interrupt().catch(() => undefined);
      else batcher.add(outputs.appendStream('stdout', inputEcho(request, value)));
    };
    // The connection cancels every pending request when the kernel restarts: if the restart notice itself was
    // missed (the websocket was reconnecting when it came), the cancelled request still ends the cell.
    future.done.catch(() => {
      if (!future.isDisposed || done) return;
      kernelGone(kernel.status === 'dead' ? 'dead' : 'restarting');
    });
    options.running({
      cell,
      abandon: (name, message) => {
        abandonedAs = name;
        future.dispose();
        finish(undefined, noticeOutput(name, message));
      },
    });
  });
}
