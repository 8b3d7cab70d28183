// Clearing a notebook's outputs, as `jupyter nbconvert --ClearOutputPreprocessor.enabled=True` does in the
// seeds' lifecycle scripts: code cells lose outputs and execution counts; everything else is kept.
import * as l10n from '@vscode/l10n';

interface Cell {
  cell_type?: string;
  outputs?: unknown[];
  execution_count?: number | null;
  metadata?: Record<string, unknown>;
}

export function clearNotebookOutputs(json: string): string {
  const notebook = JSON.parse(json) as { cells?: Cell[]; nbformat?: number };
  if (!Array.isArray(notebook.cells)) throw new Error(l10n.t('no "cells" list'));
  for (const cell of notebook.cells) {
    if (cell.cell_type !== 'code') continue;
    cell.outputs = [];
    cell.execution_count = null;
    // nbconvert also drops the execution timing Jupyter records in cell metadata.
    if (cell.metadata && 'execution' in cell.metadata) delete cell.metadata.execution;
  }
  return `${JSON.stringify(notebook, null, 1)}\n`;
}
