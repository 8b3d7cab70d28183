import * as assert from 'assert';
import { StreamText, visibleWidth } from '../../../../src/model/jupyter/streamText';
import { bytesText } from '../../../../src/model/jupyter/mimeBundle';

/** Feeds chunks; returns the text and, for each chunk, how the output changed. */
function feed(...chunks: string[]) {
  const stream = new StreamText();
  const changes = chunks.map((chunk) => stream.append(chunk));
  return { stream, text: stream.text, kinds: changes.map((c) => c.kind), changes };
}

describe('stream text', () => {
  it('appends plain chunks, including lines split across chunks and multi-byte characters', () => {
    const { text, kinds, changes } = feed('Downloading abalone.csv… ', 'done\nRows: 4177\nCols', ': 9\n█▉\n');
    assert.strictEqual(text, 'Downloading abalone.csv… done\nRows: 4177\nCols: 9\n█▉\n');
    assert.deepStrictEqual(kinds, ['append', 'append', 'append']);
    assert.strictEqual(changes.map((c) => (c.kind === 'append' ? bytesText(c.data) : '')).join(''), text);
  });

  it('a carriage return overwrites the line from its start, as a terminal does', () => {
    assert.strictEqual(feed('loss: 0.9123\rloss: 0.54').text, 'loss: 0.5423');
    assert.strictEqual(feed('50%\r100%').text, '100%');
    assert.strictEqual(feed('a\nprogress 1\rprogress 2\rprogress 3\nnext\n').text, 'a\nprogress 3\nnext\n');
  });

  it('treats \\r\\n as a line break and a \\r at the end of a chunk as waiting for the next', () => {
    assert.strictEqual(feed('line one\r\nline two\r\n').text, 'line one\nline two\n');
    assert.strictEqual(feed('kept\r', '\n').text, 'kept\n');
    assert.strictEqual(feed('old frame\r', 'new frame').text, 'new frame');
    assert.strictEqual(feed('0%\r', '').text, '0%');
  });

  it('a frame in a later chunk rewrites the shown line (replace); a frame within one chunk only appends the result', () => {
    const first = feed('Epoch 1\n', '  1/10\r 10/10');
    assert.deepStrictEqual(first.kinds, ['append', 'append']);
    assert.strictEqual(first.text, 'Epoch 1\n 10/10');
    const later = feed('Epoch 1\n', '  1/10', '\r 10/10');
    assert.deepStrictEqual(later.kinds, ['append', 'append', 'replace']);
    const replace = later.changes[2];
    assert.ok(replace.kind === 'replace');
    assert.deepStrictEqual(replace.items.map(bytesText), ['Epoch 1\n', ' 10/10']);
  });

  it('a frame that leaves the shown text in place and only adds is still an append', () => {
    const { kinds, text, changes } = feed('Epoch 1: ', '\rEpoch 1: loss 0.3');
    assert.deepStrictEqual(kinds, ['append', 'append']);
    assert.strictEqual(text, 'Epoch 1: loss 0.3');
    assert.strictEqual(changes[1].kind === 'append' && bytesText(changes[1].data), 'loss 0.3');
    const growing = feed('abc', 'def\rabcdefgh');
    assert.deepStrictEqual(growing.kinds, ['append', 'append']);
    assert.strictEqual(growing.text, 'abcdefgh');
    assert.deepStrictEqual(
      feed('abc', '\rabc').kinds,
      ['append', 'none'],
      'a frame identical to the shown one changes nothing',
    );
    const waiting = feed('abc\r', '\nnext');
    assert.deepStrictEqual(waiting.kinds, ['append', 'append']);
    assert.strictEqual(waiting.text, 'abc\nnext');
  });

  it('a backspace removes the character before it (Keras-style redraws)', () => {
    assert.strictEqual(feed('12/100\b\b\b\b\b\b50/100').text, '50/100');
    assert.strictEqual(feed('abc\bd').text, 'abd');
    assert.strictEqual(feed('\b\bstart').text, 'start');
  });

  it('keeps ANSI colours, which take no column when a frame overwrites a coloured one', () => {
    const green = (s: string) => `\u001b[32m${s}\u001b[0m`;
    assert.strictEqual(visibleWidth(green('50%')), 3);
    const { text } = feed(`${green(' 50%')} eta 3s`, `\r${green('100%')} done   `);
    // The old frame's leading colour and its reset stay around the new frame: still green 100%, plain text after.
    assert.strictEqual(text, `\u001b[32m${green('100%')} done   \u001b[0m`);
    assert.strictEqual(
      text
        .split(/\[[0-9;]*m/)
        .join('')
        .split(String.fromCharCode(27))
        .join(''),
      '100% done   ',
      'what the user reads',
    );
    assert.strictEqual(
      feed('\u001b[1;31mError\u001b[0m: bad\n').text,
      '\u001b[1;31mError\u001b[0m: bad\n',
      'untouched without \\r',
    );
  });

  it('a long progress bar leaves one line, whatever the number of frames', () => {
    const stream = new StreamText();
    stream.append('Epoch 1/1\n');
    for (let i = 0; i <= 1000; i++)
      stream.append(`\r${i}/1000 [${'='.repeat(Math.floor(i / 50))}>${'.'.repeat(20 - Math.floor(i / 50))}]`);
    stream.append('\n');
    assert.strictEqual(stream.text, `Epoch 1/1\n1000/1000 [====================>]\n`);
    assert.strictEqual(stream.completedBytes, stream.text.length);
  });

  it('keeps megabytes of output exactly, across its blocks', () => {
    const stream = new StreamText();
    const line = `${'0123456789'.repeat(10)}\n`;
    for (let i = 0; i < 30_000; i++) stream.append(line);
    const items = stream.items();
    assert.ok(items.length >= 3 && items.length <= 5, `${items.length} blocks for 3 MB`);
    assert.strictEqual(stream.completedBytes, 30_000 * line.length);
    assert.strictEqual(stream.text, line.repeat(30_000));
  });
});
