import * as assert from 'assert';
import {
  WIDGET_NOTE,
  base64Bytes,
  bundleItems,
  bytesText,
  joinMultiline,
  mimeItem,
  sortByDisplayOrder,
  textBytes,
} from '../../../../src/model/jupyter/mimeBundle';

const mimes = (bundle: Record<string, unknown>) => bundleItems(bundle).map((i) => i.mime);

describe('MIME bundles as output items', () => {
  it("orders the items richest first, as VS Code's ipynb support does, text/plain last", () => {
    const bundle = {
      'text/plain': 'x',
      'application/json': { a: 1 },
      'image/jpeg': '/9j/',
      'image/svg+xml': '<svg/>',
      'image/png': 'iVBORw0KGgo=',
      'text/markdown': '**x**',
      'text/latex': '$x$',
      'image/gif': 'R0lGODlh',
      'application/javascript': 'console.log(1)',
      'text/html': '<b>x</b>',
      'application/vnd.plotly.v1+json': { data: [] },
      'application/x-custom': 'c',
    };
    assert.deepStrictEqual(mimes(bundle), [
      'application/vnd.plotly.v1+json',
      'text/html',
      'application/javascript',
      'image/gif',
      'text/latex',
      'text/markdown',
      'image/png',
      'image/svg+xml',
      'image/jpeg',
      'application/json',
      'text/plain',
      'application/x-custom',
    ]);
  });

  it("puts an empty vendored type (holoviews' loader) after the HTML beside it", () => {
    assert.deepStrictEqual(
      mimes({ 'application/vnd.holoviews_load.v0+json': '', 'text/html': '<div/>', 'text/plain': 'Layout' }),
      ['text/html', 'text/plain', 'application/vnd.holoviews_load.v0+json'],
    );
  });

  it('keeps the order of equally ranked items', () => {
    const items = ['application/x-a', 'application/x-b', 'application/x-c'].map((mime) => ({
      mime,
      data: textBytes('1'),
    }));
    assert.deepStrictEqual(
      sortByDisplayOrder(items).map((i) => i.mime),
      ['application/x-a', 'application/x-b', 'application/x-c'],
    );
  });

  it('decodes base64 images to bytes, ignoring the line breaks of saved notebooks; SVG stays text', () => {
    assert.deepStrictEqual(
      [...mimeItem('image/png', 'iVBO\nRw0K\nGgo=').data],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    );
    assert.deepStrictEqual([...mimeItem('image/jpeg', '/9j/4A==').data], [0xff, 0xd8, 0xff, 0xe0]);
    assert.strictEqual(
      bytesText(mimeItem('image/svg+xml', ['<svg>\n', '<circle r="4"/>\n', '</svg>']).data),
      '<svg>\n<circle r="4"/>\n</svg>',
    );
    assert.deepStrictEqual([...base64Bytes('AAEC/w==')], [0, 1, 2, 255]);
  });

  it('says so when an image is not base64, instead of showing a broken image', () => {
    const item = mimeItem('image/png', '%%% not base64 %%%');
    assert.strictEqual(item.mime, 'application/vnd.code.notebook.error');
    assert.match(JSON.parse(bytesText(item.data)).message, /image\/png data that is not valid base64/);
  });

  it('gives JSON values as JSON text, and joins string arrays as nbformat multiline strings', () => {
    assert.strictEqual(
      bytesText(mimeItem('application/json', { rows: 4177, columns: ['Length', 'Rings'] }).data),
      '{"rows":4177,"columns":["Length","Rings"]}',
    );
    assert.strictEqual(bytesText(mimeItem('application/json', [1, 2, 3]).data), '[1,2,3]');
    assert.strictEqual(bytesText(mimeItem('application/json', 0).data), '0');
    assert.strictEqual(bytesText(mimeItem('application/vnd.vegalite.v5+json', { mark: 'bar' }).data), '{"mark":"bar"}');
    assert.strictEqual(bytesText(mimeItem('text/plain', ['a\n', 'b\n', 'c']).data), 'a\nb\nc');
    assert.strictEqual(bytesText(mimeItem('text/html', ['<p>', '</p>']).data), '<p>\n</p>');
    assert.strictEqual(bytesText(mimeItem('text/latex', '$$\\alpha$$').data), '$$\\alpha$$');
    assert.strictEqual(bytesText(mimeItem('application/javascript', ['var a;\n', 'a = 1;']).data), 'var a;\na = 1;');
    assert.strictEqual(mimeItem('text/plain', '').data.length, 0);
    assert.strictEqual(mimeItem('text/plain', null).data.length, 0);
    assert.strictEqual(joinMultiline('as is\n'), 'as is\n');
  });

  it('leaves out the ipywidgets view and shows its text instead, or a note when it has none', () => {
    const progress = bundleItems({
      'application/vnd.jupyter.widget-view+json': { model_id: 'f3a1', version_major: 2, version_minor: 0 },
      'text/plain': 'IntProgress(value=3, max=10)',
    });
    assert.deepStrictEqual(
      progress.map((i) => [i.mime, bytesText(i.data)]),
      [['text/plain', 'IntProgress(value=3, max=10)']],
    );
    const bare = bundleItems({ 'application/vnd.jupyter.widget-view+json': { model_id: 'f3a1' } });
    assert.deepStrictEqual(
      bare.map((i) => [i.mime, bytesText(i.data)]),
      [['text/plain', WIDGET_NOTE]],
    );
  });

  it('has no items for an empty bundle', () => {
    assert.deepStrictEqual(bundleItems({}), []);
    assert.deepStrictEqual(bundleItems(undefined), []);
  });
});
