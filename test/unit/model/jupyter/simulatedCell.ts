// A stand-in for VS Code's notebook cells: applies OutputEdits as NotebookCellExecution would and says what a user
// sees — for a stream the text of its items joined, for an error the name/message/stack, for a rich output the
// item VS Code shows first (the richest) and what is beside it.

import { ERROR_MIME, STDERR_MIME, STDOUT_MIME, bytesText } from '../../../../src/model/jupyter/mimeBundle';
import type { CellOutputData, OutputEdit } from '../../../../src/model/jupyter/cellOutputs';

export class SimulatedNotebook {
  readonly cells = new Map<string, CellOutputData[]>();

  outputs(cell: string): CellOutputData[] {
    let outputs = this.cells.get(cell);
    if (!outputs) this.cells.set(cell, (outputs = []));
    return outputs;
  }

  apply(cell: string, edits: OutputEdit<string>[]): void {
    for (const edit of edits) {
      const outputs = this.outputs(cell);
      switch (edit.kind) {
        case 'append':
          outputs.push({ ...edit.output, items: [...edit.output.items] });
          break;
        case 'appendItems': {
          const output = outputs.find((o) => o.id === edit.outputId);
          if (!output) throw new Error(`appendItems: no output ${edit.outputId} in ${cell}`);
          output.items.push(...edit.items);
          break;
        }
        case 'replaceItems': {
          const output = this.outputs(edit.cell).find((o) => o.id === edit.outputId);
          if (!output) throw new Error(`replaceItems: no output ${edit.outputId} in ${edit.cell}`);
          output.items = [...edit.items];
          break;
        }
        case 'replaceAll':
          this.cells.set(
            cell,
            edit.outputs.map((o) => ({ ...o, items: [...o.items] })),
          );
          break;
      }
    }
  }

  /** What the user sees in the cell, one entry per output. */
  seen(cell: string): string[] {
    return this.outputs(cell).map(describe);
  }
}

export function describe(output: CellOutputData): string {
  const first = output.items[0];
  if (!first) return '(empty)';
  if (first.mime === STDOUT_MIME || first.mime === STDERR_MIME) {
    return `${first.mime === STDERR_MIME ? 'stderr' : 'stdout'}: ${output.items.map((i) => bytesText(i.data)).join('')}`;
  }
  if (first.mime === ERROR_MIME) {
    const error = JSON.parse(bytesText(first.data)) as { name: string; message: string };
    return `error: ${error.name}: ${error.message}`;
  }
  const body =
    first.mime.startsWith('image/') && first.mime !== 'image/svg+xml'
      ? `${first.data.length} bytes`
      : bytesText(first.data);
  return `${first.mime}: ${body}`;
}

export function streamText(output: CellOutputData): string {
  return output.items.map((i) => bytesText(i.data)).join('');
}
