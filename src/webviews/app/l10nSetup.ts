// Imported first by every *.main.ts: hands the translation the panel wrote into <main id="app" data-l10n> to
// @vscode/l10n before any other module of the page runs, so every l10n.t in the page reads it. In English the
// attribute is absent and l10n.t returns the English message.
import * as l10n from '@vscode/l10n';
import { bundleFromAttribute } from '../protocol/l10n';

const bundle = bundleFromAttribute(document.getElementById('app')?.dataset.l10n);
if (bundle) l10n.config({ contents: bundle });
