// The text of one stream output (stdout or stderr) as a notebook user sees it, grown chunk by chunk.
//
// A terminal's carriage return is applied: `\r` moves back to the start of the line and what follows overwrites it,
// so a progress bar (tqdm, Keras) stays one line instead of piling up every frame; `\r\n` is a line break; `\b`
// removes the character before it (as Jupyter and VS Code do). ANSI escape sequences are kept as they are (VS Code
// renders their colours) and take no column, so a coloured frame overwrites the previous one cleanly.
//
// Cost: the text is kept as bytes of completed lines (an append-only log, never re-copied but by its amortised
// doubling) plus the current line. A chunk that only adds text costs O(chunk) and comes back as the bytes to append
// to the output; a chunk that rewrites text already shown (a progress frame) costs O(chunk + current line) and comes
// back as the output's new items: the completed lines' blocks as they are plus the current line.

import { bytesText, textBytes } from './mimeBundle';

/** What the output's items must become after a chunk. */
export type StreamChange =
  { kind: 'append'; data: Uint8Array } | { kind: 'replace'; items: Uint8Array[] } | { kind: 'none' };

// ANSI escape sequences are control characters by definition: CSI (colours, cursor), OSC (titles, links), two-byte.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/y;
const CONTROL = /[\r\b]/;

/** Length of the ANSI escape sequence starting at `index`, or 0. */
function escapeLength(text: string, index: number): number {
  if (text.charCodeAt(index) !== 0x1b) return 0;
  ANSI.lastIndex = index;
  const match = ANSI.exec(text);
  return match ? match[0].length : 1;
}

/** Columns `text` takes: its length without escape sequences. */
export function visibleWidth(text: string): number {
  if (!text.includes('\x1b')) return text.length;
  let width = 0;
  for (let i = 0; i < text.length;) {
    const escape = escapeLength(text, i);
    if (escape) i += escape;
    else {
      width++;
      i++;
    }
  }
  return width;
}

/** Index in `line` where column `column` starts (escape sequences before it are included in the prefix). */
function indexOfColumn(line: string, column: number): number {
  let i = 0;
  for (let seen = 0; i < line.length;) {
    const escape = escapeLength(line, i);
    if (escape) {
      i += escape;
      continue;
    }
    if (seen === column) break;
    seen++;
    i++;
  }
  return i;
}

/**
 * `text` written over `line` from column `column`. Escape sequences in the overwritten part are kept after the new
 * text, so a colour reset that was there still ends the colour.
 */
function overwrite(line: string, column: number, text: string): string {
  const start = indexOfColumn(line, column);
  let end = start;
  let kept = '';
  for (let remaining = visibleWidth(text); end < line.length && remaining > 0;) {
    const escape = escapeLength(line, end);
    if (escape) {
      kept += line.slice(end, end + escape);
      end += escape;
    } else {
      remaining--;
      end++;
    }
  }
  return line.slice(0, start) + text + kept + line.slice(end);
}

/** Append-only bytes in blocks: a doubling open block, sealed at BLOCK bytes. Views are never copied again. */
class ByteLog {
  private static readonly BLOCK = 1 << 20;
  private readonly sealed: Uint8Array[] = [];
  private open = new Uint8Array(0);
  private used = 0;
  private openView: Uint8Array | undefined;

  append(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (this.used + bytes.length > this.open.length) {
      if (this.used > 0 && this.used + bytes.length > ByteLog.BLOCK) {
        this.sealed.push(this.open.subarray(0, this.used));
        this.open = new Uint8Array(Math.max(bytes.length, 4096));
        this.used = 0;
      } else {
        const grown = new Uint8Array(
          Math.min(
            Math.max(2 * this.open.length, this.used + bytes.length, 4096),
            Math.max(ByteLog.BLOCK, bytes.length),
          ),
        );
        grown.set(this.open.subarray(0, this.used));
        this.open = grown;
      }
    }
    this.open.set(bytes, this.used);
    this.used += bytes.length;
    this.openView = undefined;
  }

  views(): Uint8Array[] {
    if (!this.used) return [...this.sealed];
    this.openView ??= this.open.subarray(0, this.used);
    return [...this.sealed, this.openView];
  }

  get byteLength(): number {
    return this.sealed.reduce((sum, block) => sum + block.length, 0) + this.used;
  }
}

export class StreamText {
  /** Completed lines, each with its '\n', exactly as the output shows them. */
  private readonly lines = new ByteLog();
  /** The current line as shown, in pieces (joined only when something overwrites it). */
  private lineParts: string[] = [];
  /** Cursor column in the current line, and the line's width in columns. */
  private column = 0;
  private lineWidth = 0;

  /** Adds a chunk of the stream; says how the output's items change. */
  append(chunk: string): StreamChange {
    if (chunk.length === 0) return { kind: 'none' };
    if (this.column === this.lineWidth && !CONTROL.test(chunk)) return this.appendPlain(chunk);
    return this.appendWithControls(chunk);
  }

  /** The output's items: the completed lines' blocks, then the current line. */
  items(): Uint8Array[] {
    const line = this.line();
    return line ? [...this.lines.views(), textBytes(line)] : this.lines.views();
  }

  /** The whole text as shown. */
  get text(): string {
    return this.items().map(bytesText).join('');
  }

  /** Bytes of the completed lines (for tests and size limits). */
  get completedBytes(): number {
    return this.lines.byteLength;
  }

  private line(): string {
    if (this.lineParts.length > 1) this.lineParts = [this.lineParts.join('')];
    return this.lineParts[0] ?? '';
  }

  private appendPlain(chunk: string): StreamChange {
    const data = textBytes(chunk);
    const lastBreak = chunk.lastIndexOf('\n');
    if (lastBreak === -1) {
      this.lineParts.push(chunk);
    } else {
      // '\n' is one byte in UTF-8 and never inside a multi-byte sequence: the split is exact.
      this.lines.append(textBytes(this.line()));
      this.lines.append(data.subarray(0, data.lastIndexOf(0x0a) + 1));
      const rest = chunk.slice(lastBreak + 1);
      this.lineParts = rest ? [rest] : [];
    }
    this.lineWidth = lastBreak === -1 ? this.lineWidth + visibleWidth(chunk) : visibleWidth(chunk.slice(lastBreak + 1));
    this.column = this.lineWidth;
    return { kind: 'append', data };
  }

  private appendWithControls(chunk: string): StreamChange {
    const shown = this.line();
    let line = shown;
    let column = this.column;
    let width = this.lineWidth;
    const completed: string[] = [];
    const tokens = chunk.split(/([\r\n\b])/);
    for (const token of tokens) {
      if (token === '') continue;
      if (token === '\r') {
        column = 0;
      } else if (token === '\n') {
        completed.push(`${line}\n`);
        line = '';
        column = width = 0;
      } else if (token === '\b') {
        if (column > 0) {
          const start = indexOfColumn(line, column - 1);
          line = line.slice(0, start) + line.slice(start + 1);
          column--;
          width--;
        }
      } else if (column === width) {
        line += token;
        column = width = width + visibleWidth(token);
      } else {
        line = overwrite(line, column, token);
        column += visibleWidth(token);
        width = Math.max(width, column);
      }
    }
    this.column = column;
    this.lineWidth = width;
    this.lineParts = line ? [line] : [];
    const newText = completed.join('');
    if ((completed[0] ?? line).startsWith(shown)) {
      // Everything shown is still there (a frame may have rewritten it with the same text): append what follows.
      const added = (newText + line).slice(shown.length);
      if (newText) this.lines.append(textBytes(newText));
      return added ? { kind: 'append', data: textBytes(added) } : { kind: 'none' };
    }
    if (newText) this.lines.append(textBytes(newText));
    return { kind: 'replace', items: this.items() };
  }
}
