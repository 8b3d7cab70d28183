// The manifest's promise for untrusted workspaces: limited support, and every feature that reads or writes
// workspace files disabled there (commands greyed out, explorer entries hidden).
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Manifest {
  capabilities: { untrustedWorkspaces: { supported: boolean | string; description?: string } };
  contributes: {
    commands: Array<{ command: string; enablement?: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
  };
}

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as Manifest;
// The description shown in the trust dialog is a %key% of package.nls.json.
const manifestStrings = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../../package.nls.json'), 'utf8'),
) as Record<string, string>;
const localized = (value: string | undefined) => manifestStrings[/^%(.+)%$/.exec(value ?? '')?.[1] ?? ''] ?? value;
const WORKSPACE_FILE_COMMANDS = ['publishNotebook', 'fetchNotebook', 'batchPredict', 'newAutoGluonProject'].map(
  (c) => `sagemakerWorkbench.${c}`,
);

describe('untrusted workspaces', () => {
  it('declares limited support and names what needs trust', () => {
    assert.strictEqual(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.match(localized(manifest.capabilities.untrustedWorkspaces.description) ?? '', /needs a trusted workspace/);
  });

  it('disables the commands that read or write workspace files', () => {
    for (const id of WORKSPACE_FILE_COMMANDS) {
      const command = manifest.contributes.commands.find((c) => c.command === id);
      assert.strictEqual(command?.enablement, 'isWorkspaceTrusted', id);
    }
  });

  it('shows no explorer entry (a workspace file or folder) in an untrusted workspace', () => {
    const entries = manifest.contributes.menus['explorer/context'];
    assert.ok(entries.length >= 4);
    for (const entry of entries) assert.match(entry.when ?? '', /isWorkspaceTrusted/, entry.command);
  });
});
