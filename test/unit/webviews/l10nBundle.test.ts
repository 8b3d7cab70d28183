// The translation a webview page gets from its panel: written as JSON into <main id="app" data-l10n="…"> (no
// inline script, so the strict CSP stays), read back by the page as the browser decodes the attribute, and
// handed to @vscode/l10n, whose l10n.t then returns the translation.
import * as assert from 'assert';
import * as l10n from '@vscode/l10n';
import { bundleFromAttribute, L10N_ATTRIBUTE, l10nAttribute } from '../../../src/webviews/protocol/l10n';

/** What the page reads as `dataset.l10n` from the attribute the panel wrote (the browser decodes the references). */
function asThePageReadsIt(attribute: string): string | undefined {
  const match = new RegExp(`^ ${L10N_ATTRIBUTE}="([^"]*)"$`).exec(attribute);
  if (!match) return undefined;
  return match[1].replace(/&(amp|quot|#39|lt|gt);/g, (_, ref: string) =>
    ref === 'amp' ? '&' : ref === 'quot' ? '"' : ref === '#39' ? "'" : ref === 'lt' ? '<' : '>',
  );
}

describe('webview translation bundle', () => {
  after(() => l10n.config({ contents: {} })); // back to English for the tests after these

  it('writes no attribute in English (no bundle, or an empty one)', () => {
    assert.strictEqual(l10nAttribute(undefined), '');
    assert.strictEqual(l10nAttribute({}), '');
  });

  it('escapes the JSON for a quoted attribute, and the page reads back the same bundle', () => {
    const bundle = {
      Refresh: 'Aktualisieren',
      'Compare {0} training jobs': '{0} Trainingsjobs vergleichen',
      "AutoGluon's fit summary page, shown with scripts off": 'Die Seite „fit summary“ von AutoGluon, ohne Skripte',
      'Residuals (predicted − actual)': 'Residuen <vorhergesagt − tatsächlich> & "Rest"',
      '</main><script>alert(1)</script>': '"><img src=x onerror=alert(1)>',
    };
    const attribute = l10nAttribute(bundle);
    const value = attribute.slice(` ${L10N_ATTRIBUTE}="`.length, -1);
    assert.doesNotMatch(value, /["<>']/, 'nothing in the value can end the attribute or open a tag');
    assert.deepStrictEqual(bundleFromAttribute(asThePageReadsIt(attribute)), bundle);
  });

  it('reads nothing from an absent, empty or malformed attribute, and keeps only string messages', () => {
    for (const value of [undefined, '', 'not json', '[1, 2]', 'null', '"text"', '{"a": 1}'])
      assert.strictEqual(bundleFromAttribute(value), undefined, String(value));
    assert.deepStrictEqual(bundleFromAttribute('{"Stop": "Anhalten", "n": 1, "o": {"message": "x"}}'), {
      Stop: 'Anhalten',
    });
  });

  it('makes l10n.t in the page return the translation, placeholders filled, and English where it has none', () => {
    const read = bundleFromAttribute(
      asThePageReadsIt(l10nAttribute({ 'Last {0}': 'Letzte {0}', 'Read {0} from {1}': 'Gelesen {0} aus {1}' })),
    );
    assert.ok(read);
    l10n.config({ contents: read });
    assert.strictEqual(l10n.t('Last {0}', '24h'), 'Letzte 24h');
    assert.strictEqual(l10n.t('Read {0} from {1}', 'today', 'eu-west-1'), 'Gelesen today aus eu-west-1');
    assert.strictEqual(l10n.t('Refresh'), 'Refresh');
  });
});
