// What a running cell shows, from the kernel's IOPub messages: plain data the NotebookController turns into
// vscode.NotebookCellOutput / NotebookCellOutputItem and applies through its NotebookCellExecution.
//
// Outputs carry the metadata VS Code's built-in ipynb serializer reads back when the notebook is saved
// (`outputType`, `executionCount`, `metadata`, `transient`, `originalError`), so a saved notebook has the
// execution_count, image sizes and tracebacks Jupyter would have written.

import { STDERR_MIME, STDOUT_MIME, bundleItems, errorItem, joinMultiline, type OutputItemData } from './mimeBundle';
import {
  msgType,
  type ClearOutputContent,
  type DisplayContent,
  type ErrorContent,
  type ExecuteReplyContent,
  type JupyterMessage,
  type StreamContent,
} from './messages';
import { StreamText } from './streamText';

export type OutputType = 'stream' | 'display_data' | 'execute_result' | 'error';

/** Output metadata in the shape of the ipynb extension's CellOutputMetadata. */
export interface OutputMetadata {
  outputType: OutputType;
  executionCount?: number | null;
  /** The Jupyter output's own metadata (e.g. `{ 'image/png': { width: 640, height: 480 } }`). */
  metadata?: Record<string, unknown>;
  transient?: { display_id?: string };
  originalError?: { output_type: 'error'; ename: string; evalue: string; traceback: string[] };
}

/** One cell output: `new vscode.NotebookCellOutput(items.map(toItem), id, metadata)`. */
export interface CellOutputData {
  id: string;
  items: OutputItemData[];
  metadata: OutputMetadata;
}

/** A change to a cell's outputs, in the terms of vscode.NotebookCellExecution. */
export type OutputEdit<C = unknown> =
  /** `execution.appendOutput(output)` */
  | { kind: 'append'; output: CellOutputData }
  /** `execution.appendOutputItems(items, outputWithId)`: a stream grows. */
  | { kind: 'appendItems'; outputId: string; items: OutputItemData[] }
  /**
   * `replaceOutputItems(items, outputWithId)` on `cell`'s output: a stream rewritten (progress bar) or a display
   * updated through its display_id, which may live in another cell (then through an execution of that cell).
   */
  | { kind: 'replaceItems'; cell: C; outputId: string; items: OutputItemData[]; metadata: OutputMetadata }
  /** `execution.replaceOutput(outputs)`: clear_output (outputs empty), or a deferred clear and the output that ends it. */
  | { kind: 'replaceAll'; outputs: CellOutputData[] };

interface DisplayTarget<C> {
  cell: C;
  outputId: string;
  outputType: OutputType;
}

/**
 * Which outputs show each display_id, across the cells of one notebook (a display made in one cell may be updated
 * from another: `handle = display(df, display_id=True)`, later `handle.update(df2)`). One per notebook and kernel.
 */
export class DisplayRegistry<C = unknown> {
  private readonly byDisplayId = new Map<string, DisplayTarget<C>[]>();

  record(displayId: string, target: DisplayTarget<C>): void {
    const targets = this.byDisplayId.get(displayId) ?? [];
    targets.push(target);
    this.byDisplayId.set(displayId, targets);
  }

  targets(displayId: string): readonly DisplayTarget<C>[] {
    return this.byDisplayId.get(displayId) ?? [];
  }

  /** The cell's outputs were cleared (re-run, clear_output, Clear All Outputs): its displays are gone. */
  forgetCell(cell: C): void {
    for (const [displayId, targets] of this.byDisplayId) {
      const kept = targets.filter((target) => target.cell !== cell);
      if (kept.length) this.byDisplayId.set(displayId, kept);
      else this.byDisplayId.delete(displayId);
    }
  }

  /** The kernel restarted: display handles of the old process can no longer send updates. */
  clear(): void {
    this.byDisplayId.clear();
  }
}

let idCounter = 0;
const idPrefix = Math.random().toString(36).slice(2, 10);

/** Output ids unique in the notebook (VS Code finds an output to append to by its id). */
export function newOutputId(): string {
  idCounter += 1;
  return `jupyter-${idPrefix}-${idCounter}`;
}

function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** display_data / execute_result (and the page payload) as an output. */
export function displayOutput(
  id: string,
  outputType: 'display_data' | 'execute_result',
  content: DisplayContent,
): CellOutputData {
  const metadata: OutputMetadata = { outputType, metadata: cloneJson(content.metadata) ?? {} };
  if (outputType === 'execute_result') metadata.executionCount = content.execution_count ?? null;
  if (content.transient && Object.keys(content.transient).length) metadata.transient = cloneJson(content.transient);
  return { id, items: bundleItems(content.data), metadata };
}

/** An `error` message as VS Code's error output: name, message and the traceback lines joined (ANSI colours kept). */
export function errorOutput(id: string, content: ErrorContent): CellOutputData {
  const ename = content.ename ?? '';
  const evalue = content.evalue ?? '';
  const traceback = Array.isArray(content.traceback) ? content.traceback.map(String) : [];
  return {
    id,
    items: [errorItem(ename, evalue, traceback.join('\n'))],
    metadata: { outputType: 'error', originalError: { output_type: 'error', ename, evalue, traceback } },
  };
}

export function streamMime(name: string): string {
  return name === 'stderr' ? STDERR_MIME : STDOUT_MIME;
}

interface OwnOutput {
  id: string;
  stream?: { name: string; text: StreamText };
}

export interface CellOutputsOptions<C> {
  /** The controller's handle of the cell (its NotebookCell); echoed in replaceItems edits. */
  cell: C;
  /** Shared by the notebook's cells so update_display_data reaches displays of earlier cells. */
  displays?: DisplayRegistry<C>;
  newId?: () => string;
}

/**
 * The outputs of one cell execution. Create it when the execution starts and its outputs are cleared (which
 * forgets the cell's old display ids); feed it the IOPub messages whose parent is the execute_request, and the
 * execute_reply (for pager payloads such as `df?`).
 */
export class CellOutputs<C = unknown> {
  private readonly cell: C;
  private readonly displays: DisplayRegistry<C>;
  private readonly newId: () => string;
  private outputs: OwnOutput[] = [];
  private clearPending = false;

  constructor(options: CellOutputsOptions<C>) {
    this.cell = options.cell;
    this.displays = options.displays ?? new DisplayRegistry<C>();
    this.newId = options.newId ?? newOutputId;
    this.displays.forgetCell(this.cell);
  }

  /** Ids of the cell's outputs, in order. */
  get outputIds(): string[] {
    return this.outputs.map((output) => output.id);
  }

  /** A clear_output(wait=True) waits for the next output. */
  get clearIsPending(): boolean {
    return this.clearPending;
  }

  handle(message: JupyterMessage): OutputEdit<C>[] {
    const content = (message.content ?? {}) as Record<string, unknown>;
    switch (msgType(message)) {
      case 'stream': {
        const stream = content as unknown as StreamContent;
        return this.appendStream(stream.name, joinMultiline(stream.text ?? ''));
      }
      case 'display_data':
      case 'execute_result':
        return this.addDisplay(
          msgType(message) as 'display_data' | 'execute_result',
          content as unknown as DisplayContent,
        );
      case 'update_display_data':
        return this.updateDisplay(content as unknown as DisplayContent);
      case 'error':
        return this.add(errorOutput(this.newId(), content as ErrorContent));
      case 'clear_output':
        return this.clear((content as ClearOutputContent).wait === true);
      case 'execute_reply':
        return this.pagerOutputs(content as unknown as ExecuteReplyContent);
      default:
        return [];
    }
  }

  /** Text on stdout/stderr: joins the cell's last output when that is the same stream. */
  appendStream(name: string, chunk: string): OutputEdit<C>[] {
    const mime = streamMime(name);
    const last = this.outputs[this.outputs.length - 1];
    if (!this.clearPending && last?.stream?.name === name) {
      const change = last.stream.text.append(chunk);
      if (change.kind === 'append')
        return [{ kind: 'appendItems', outputId: last.id, items: [{ mime, data: change.data }] }];
      if (change.kind === 'replace') {
        return [
          {
            kind: 'replaceItems',
            cell: this.cell,
            outputId: last.id,
            items: change.items.map((data) => ({ mime, data })),
            metadata: { outputType: 'stream' },
          },
        ];
      }
      return [];
    }
    if (!chunk && !this.clearPending) return [];
    const text = new StreamText();
    text.append(chunk);
    const output: CellOutputData = {
      id: this.newId(),
      items: text.items().map((data) => ({ mime, data })),
      metadata: { outputType: 'stream' },
    };
    return this.add(output, { name, text });
  }

  private addDisplay(outputType: 'display_data' | 'execute_result', content: DisplayContent): OutputEdit<C>[] {
    const output = displayOutput(this.newId(), outputType, content);
    const edits = this.add(output);
    const displayId = content.transient?.display_id;
    if (displayId) this.displays.record(displayId, { cell: this.cell, outputId: output.id, outputType });
    return edits;
  }

  private updateDisplay(content: DisplayContent): OutputEdit<C>[] {
    const displayId = content.transient?.display_id;
    if (!displayId) return [];
    // Jupyter ignores an update for a display it never showed; so do we.
    return this.displays.targets(displayId).map((target) => {
      const output = displayOutput(
        target.outputId,
        target.outputType === 'execute_result' ? 'execute_result' : 'display_data',
        content,
      );
      return {
        kind: 'replaceItems',
        cell: target.cell,
        outputId: target.outputId,
        items: output.items,
        metadata: output.metadata,
      };
    });
  }

  private add(output: CellOutputData, stream?: OwnOutput['stream']): OutputEdit<C>[] {
    const own: OwnOutput = { id: output.id, stream };
    if (this.clearPending) {
      // clear_output(wait=True): the old outputs go only now, together with what replaces them, so an animation
      // (a plot redrawn in a loop) does not flicker.
      this.clearPending = false;
      this.outputs = [own];
      this.displays.forgetCell(this.cell);
      return [{ kind: 'replaceAll', outputs: [output] }];
    }
    this.outputs.push(own);
    return [{ kind: 'append', output }];
  }

  private clear(wait: boolean): OutputEdit<C>[] {
    if (wait) {
      this.clearPending = true;
      return [];
    }
    this.clearPending = false;
    this.outputs = [];
    this.displays.forgetCell(this.cell);
    return [{ kind: 'replaceAll', outputs: [] }];
  }

  /** IPython's pager (`obj?`, `%pdoc`) arrives as an execute_reply payload; Jupyter shows it below the cell. */
  private pagerOutputs(content: ExecuteReplyContent): OutputEdit<C>[] {
    const edits: OutputEdit<C>[] = [];
    for (const payload of content.payload ?? []) {
      if (payload.source !== 'page') continue;
      const data = payload.data ?? (payload.text !== undefined ? { 'text/plain': payload.text } : undefined);
      if (data) edits.push(...this.add(displayOutput(this.newId(), 'display_data', { data, metadata: {} })));
    }
    return edits;
  }
}
