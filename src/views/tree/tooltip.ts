// The markdown tooltip every resource node shows: its name in bold, an optional line, then a table of the
// facts that are known. AWS strings go through appendText so they are never interpreted as markdown.
import * as vscode from 'vscode';

export type TooltipRow = [label: string, value: string | number | undefined];

export function factsTooltip(title: string, rows: readonly TooltipRow[], note?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(title).appendMarkdown('**\n\n');
  if (note) md.appendText(note).appendMarkdown('\n\n');
  const known = rows.filter(([, v]) => v !== undefined && v !== '');
  if (known.length) {
    md.appendMarkdown('| | |\n|---|---|\n');
    for (const [k, v] of known)
      md.appendMarkdown(`| ${k} | `)
        .appendText(String(v).replace(/\|/g, '/').replace(/\n/g, ' '))
        .appendMarkdown(' |\n');
  }
  return md;
}
