// Imported first by extension.ts, so that the code free of VS Code (src/model, src/aws), which localises with
// @vscode/l10n, reads the same translation VS Code loaded for the display language, before any of it runs.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
