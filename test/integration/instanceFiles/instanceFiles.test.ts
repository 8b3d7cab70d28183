// Instance Files in the real extension host against the emulator, whose InService notebook instances run a
// real Jupyter server: Open Instance Files on the Notebook Instances view's node adds
// sagemaker-notebook://<instance>/ as a workspace folder; VS Code's file API and editors then browse, read, write
// (text, every byte value, chunked large files), create, rename and delete on the instance through the Jupyter
// contents API; a file changed on the instance after it was opened is not overwritten by a save (VS Code's own
// "file is newer" check, from the mtimes stat answers); a stopped instance is said to be stopped; a Stopped
// instance is started first when the user agrees. Every request to the instance carried the session cookie.
//
// The window of the integration host has one folder and no multi-root workspace, where VS Code adds a folder
// by reloading the window into a new workspace (which would end this run): the tests stand in for
// vscode.workspace.updateWorkspaceFolders (workspaceFolders.update) and assert what the command asked of it.
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { connectToInstance } from '../../../src/aws/jupyter/instanceConnection';
import { workspaceFolders } from '../../../src/commands/instanceFiles/workspaceFolders';
import { instanceConnections } from '../../../src/ui/instanceConnections';
import { pace } from '../../../src/ui/pace';
import {
  CHUNK_BYTES,
  InstanceFileSystem,
  MAX_FILE_BYTES,
  instanceFilesUri,
} from '../../../src/views/instanceFiles/instanceFileSystem';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { emulatorUrl, resetEmulator } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { childNamed } from '../support/tree';
import { host } from '../support/workbench';

const FRAUD = 'FraudDetectionNotebookInstance';
const LAB = 'ml-pipeline-lab-notebook';
const SEEDED_NOTEBOOK = 'sagemaker_fraud_detection.ipynb';
type Outcome = { outcome: string; message?: string };
type Added = { start: number; deleteCount: number; folders: Array<{ uri: string; authority: string; name?: string }> };
interface NotebookRequest {
  method: string;
  path: string;
  session: string;
  xsrfHeader: boolean;
  status: number;
}

async function instanceNode(name: string): Promise<ExplorerNode> {
  const provider = (await host()).views.providers.notebookInstances;
  provider.refresh();
  return childNamed(provider as unknown as { getChildren(): Promise<ExplorerNode[]> }, name);
}

async function emulatorJson<T>(route: string, method = 'GET'): Promise<T> {
  const response = await fetch(`${emulatorUrl()}/_emulator/${route}`, { method });
  assert.ok(response.ok, `${method} ${route}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The folder that plays the instance's /home/ec2-user/SageMaker in the emulator. */
async function instanceFolder(name: string): Promise<string> {
  return (await emulatorJson<{ folder: string }>(`notebook-instances/${name}/jupyter`)).folder;
}

async function notebookRequests(): Promise<NotebookRequest[]> {
  return (await emulatorJson<{ requests: NotebookRequest[] }>('notebook-requests')).requests;
}

/** Every request to an instance's Jupyter carried the session cookie (the sign-in's GET carries the token). */
async function assertEveryRequestSignedIn(): Promise<void> {
  const requests = await notebookRequests();
  assert.ok(requests.length > 0, 'the instance was reached');
  const cookieless = requests.filter((r) => r.session === 'missing');
  assert.deepStrictEqual(
    cookieless.map((r) => `${r.method} ${r.path}`),
    [],
    'no request reached the instance without the session cookie',
  );
  const unprotected = requests.filter((r) => !['GET', 'HEAD'].includes(r.method) && !r.xsrfHeader);
  assert.deepStrictEqual(
    unprotected.map((r) => `${r.method} ${r.path}`),
    [],
    'every state-changing request carried X-XSRFToken',
  );
}

async function fsError(what: Thenable<unknown> | Promise<unknown>): Promise<vscode.FileSystemError> {
  try {
    await what;
  } catch (error) {
    assert.ok(error instanceof vscode.FileSystemError, `a FileSystemError, not ${String(error)}`);
    return error;
  }
  throw new Error('expected a FileSystemError');
}

describe('Instance Files', function () {
  this.timeout(120_000);
  let added: Added[];
  let update: typeof workspaceFolders.update;
  let followSeconds: number;
  const root = instanceFilesUri(FRAUD);
  const file = (p: string) => vscode.Uri.joinPath(root, p);

  before(() => {
    update = workspaceFolders.update;
    followSeconds = pace.followSeconds;
    pace.followSeconds = 1;
  });
  after(() => {
    workspaceFolders.update = update;
    pace.followSeconds = followSeconds;
  });
  beforeEach(async () => {
    added = [];
    workspaceFolders.update = (start, deleteCount, ...folders) => {
      added.push({
        start,
        deleteCount,
        folders: folders.map((f) => ({ uri: f.uri.toString(), authority: f.uri.authority, name: f.name })),
      });
      return true;
    };
    await emulatorJson('notebook-requests', 'DELETE');
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    instanceConnections(await host()).closeAll();
    await resetEmulator();
    (await host()).views.providers.notebookInstances.refresh();
  });

  it('opens the InService instance as a folder and reads, writes, renames and deletes its files', async () => {
    const node = await instanceNode(FRAUD);
    assert.strictEqual((await node.getTreeItem()).contextValue, 'resource:notebookInstance:InService');
    await withWindow(async (ui) => {
      const outcome = await run<Outcome>('openInstanceFiles', node);
      const message = `Added ${FRAUD}'s files (/home/ec2-user/SageMaker) to the workspace as "${FRAUD} (SageMaker)".`;
      assert.deepStrictEqual([outcome.outcome, outcome.message], ['done', message]);
      assert.deepStrictEqual(ui.shown('info'), [message]);
    });
    const folderCount = vscode.workspace.workspaceFolders?.length ?? 0;
    assert.deepStrictEqual(added, [
      {
        start: folderCount,
        deleteCount: 0,
        folders: [
          { uri: `sagemaker-notebook://${FRAUD.toLowerCase()}/`, authority: FRAUD, name: `${FRAUD} (SageMaker)` },
        ],
      },
    ]);

    // The seeded notebook is there, and its bytes are the instance's bytes, exactly.
    const listing = await vscode.workspace.fs.readDirectory(root);
    assert.ok(
      listing.some(([name, type]) => name === SEEDED_NOTEBOOK && type === vscode.FileType.File),
      JSON.stringify(listing),
    );
    const folder = await instanceFolder(FRAUD);
    const notebookBytes = await vscode.workspace.fs.readFile(file(SEEDED_NOTEBOOK));
    assert.deepStrictEqual(Buffer.from(notebookBytes), fs.readFileSync(path.join(folder, SEEDED_NOTEBOOK)));
    // The seed's notebook (what its lifecycle script copied from S3), parsed from the bytes read.
    assert.deepStrictEqual(JSON.parse(Buffer.from(notebookBytes).toString('utf8')), {
      cells: [],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 4,
    });
    const stat = await vscode.workspace.fs.stat(file(SEEDED_NOTEBOOK));
    assert.strictEqual(stat.type, vscode.FileType.File);
    assert.strictEqual(stat.size, notebookBytes.byteLength);
    assert.ok(stat.mtime > 0, 'the instance says when it changed');
    // The folder as a saved workspace writes it (the authority in lower case) reaches the same instance.
    const reread = await vscode.workspace.fs.readDirectory(vscode.Uri.parse(root.toString()));
    assert.ok(reread.some(([name]) => name === SEEDED_NOTEBOOK));

    // A notebook written as it is stays byte for byte what was written (no re-serialisation by Jupyter).
    const compact = Buffer.from('{"cells":[],"metadata":{},"nbformat":4,"nbformat_minor":5}');
    await vscode.workspace.fs.writeFile(file('compact.ipynb'), compact);
    assert.deepStrictEqual(fs.readFileSync(path.join(folder, 'compact.ipynb')), compact);

    // Text, then every byte value.
    await vscode.workspace.fs.writeFile(file('notes.txt'), Buffer.from('héllo from VS Code\r\nline 2\n'));
    assert.strictEqual(
      Buffer.from(await vscode.workspace.fs.readFile(file('notes.txt'))).toString('utf8'),
      'héllo from VS Code\r\nline 2\n',
    );
    const everyByte = Buffer.from(Array.from({ length: 1024 }, (_, i) => i % 256));
    await vscode.workspace.fs.writeFile(file('every-byte.bin'), everyByte);
    assert.deepStrictEqual(Buffer.from(await vscode.workspace.fs.readFile(file('every-byte.bin'))), everyByte);
    assert.deepStrictEqual(fs.readFileSync(path.join(folder, 'every-byte.bin')), everyByte);

    // A folder with a file in it, renamed, then deleted with what is inside.
    await vscode.workspace.fs.createDirectory(file('data'));
    assert.strictEqual((await vscode.workspace.fs.stat(file('data'))).type, vscode.FileType.Directory);
    await vscode.workspace.fs.writeFile(file('data/train.csv'), Buffer.from('a,b\n1,2\n'));
    await vscode.workspace.fs.rename(file('data'), file('inputs'));
    assert.deepStrictEqual(await vscode.workspace.fs.readDirectory(file('inputs')), [
      ['train.csv', vscode.FileType.File],
    ]);
    assert.strictEqual((await fsError(vscode.workspace.fs.stat(file('data')))).code, 'FileNotFound');
    await vscode.workspace.fs.rename(file('notes.txt'), file('inputs/notes.txt'));
    assert.strictEqual(
      Buffer.from(await vscode.workspace.fs.readFile(file('inputs/notes.txt'))).toString('utf8'),
      'héllo from VS Code\r\nline 2\n',
    );
    await vscode.workspace.fs.delete(file('inputs'), { recursive: true });
    assert.strictEqual((await fsError(vscode.workspace.fs.stat(file('inputs')))).code, 'FileNotFound');
    assert.ok(!fs.existsSync(path.join(folder, 'inputs')), 'gone from the instance');
    const names = (await vscode.workspace.fs.readDirectory(root)).map(([name]) => name).sort();
    assert.deepStrictEqual(names, ['compact.ipynb', 'every-byte.bin', SEEDED_NOTEBOOK].sort());
    await assertEveryRequestSignedIn();
  });

  it('honours create and overwrite, refuses what is missing or too large, and writes large files in chunks', async () => {
    const wb = await host();
    const provider = new InstanceFileSystem(instanceConnections(wb), wb.session);
    await vscode.workspace.fs.writeFile(file('kept.txt'), Buffer.from('kept'));
    await vscode.workspace.fs.writeFile(file('other.txt'), Buffer.from('other'));

    const exists = await fsError(
      provider.writeFile(file('kept.txt'), Buffer.from('lost'), { create: true, overwrite: false }),
    );
    assert.strictEqual(exists.code, 'FileExists');
    const missing = await fsError(
      provider.writeFile(file('absent.txt'), Buffer.from('x'), { create: false, overwrite: true }),
    );
    assert.strictEqual(missing.code, 'FileNotFound');
    const noParent = await fsError(
      provider.writeFile(file('no/such/dir.txt'), Buffer.from('x'), { create: true, overwrite: true }),
    );
    assert.strictEqual(noParent.code, 'FileNotFound');
    assert.strictEqual((await fsError(provider.createDirectory(file('kept.txt')))).code, 'FileExists');
    assert.strictEqual(
      (await fsError(provider.rename(file('other.txt'), file('kept.txt'), { overwrite: false }))).code,
      'FileExists',
    );
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.rename(file('other.txt'), file('kept.txt'), { overwrite: false })),
    );
    assert.strictEqual(
      Buffer.from(await vscode.workspace.fs.readFile(file('kept.txt'))).toString(),
      'kept',
      'not overwritten',
    );
    await vscode.workspace.fs.rename(file('other.txt'), file('kept.txt'), { overwrite: true });
    assert.strictEqual(Buffer.from(await vscode.workspace.fs.readFile(file('kept.txt'))).toString(), 'other');
    assert.strictEqual((await fsError(vscode.workspace.fs.stat(file('other.txt')))).code, 'FileNotFound');
    assert.strictEqual((await fsError(vscode.workspace.fs.readFile(file('absent.txt')))).code, 'FileNotFound');

    // Over the limit: a clear refusal, nothing sent.
    const tooLarge = await fsError(
      provider.writeFile(file('huge.bin'), new Uint8Array(MAX_FILE_BYTES + 1), { create: true, overwrite: true }),
    );
    assert.strictEqual(tooLarge.code, 'Unavailable');
    assert.match(tooLarge.message, /huge\.bin is 100\.0 MB; Instance Files moves at most 100\.0 MB/);
    assert.ok(!fs.existsSync(path.join(await instanceFolder(FRAUD), 'huge.bin')));

    // Above one chunk: written in slices, read back whole and unchanged.
    const large = Buffer.alloc(CHUNK_BYTES * 2 + 12345);
    for (let i = 0; i < large.length; i++) large[i] = (i * 7 + (i >> 13)) & 0xff;
    await vscode.workspace.fs.writeFile(file('large.bin'), large);
    const puts = (await notebookRequests()).filter(
      (r) => r.method === 'PUT' && r.path.endsWith('/api/contents/large.bin'),
    );
    assert.strictEqual(puts.length, 3, 'three chunks');
    assert.ok(Buffer.from(await vscode.workspace.fs.readFile(file('large.bin'))).equals(large), 'read back unchanged');
    await assertEveryRequestSignedIn();
  });

  it('does not overwrite a file changed on the instance since it was opened: the save fails and the edit is kept', async () => {
    const wb = await host();
    const uri = file('conflict.txt');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('first\n'));

    // An ordinary edit and save reaches the instance.
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), 'mine ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await document.save(), 'the save went through');
    assert.strictEqual(fs.readFileSync(path.join(await instanceFolder(FRAUD), 'conflict.txt'), 'utf8'), 'mine first\n');
    const opened = await vscode.workspace.fs.stat(uri);

    // Someone else (another Jupyter tab, with its own sign-in) changes the file on the instance.
    const other = await connectToInstance(wb.session.clients, FRAUD);
    try {
      await other.contents.save('conflict.txt', { type: 'file', format: 'text', content: 'theirs\n' });
    } finally {
      other.dispose();
    }
    const changed = await vscode.workspace.fs.stat(uri);
    assert.ok(changed.mtime > opened.mtime, `the instance's mtime moved on (${opened.mtime} -> ${changed.mtime})`);

    const again = new vscode.WorkspaceEdit();
    again.insert(uri, new vscode.Position(0, 0), 'more ');
    assert.ok(await vscode.workspace.applyEdit(again));
    assert.strictEqual(await document.save(), false, 'VS Code refuses the save: the file on the instance is newer');
    assert.ok(document.isDirty, 'the edit is kept in the editor');
    assert.strictEqual(document.getText(), 'more mine first\n');
    assert.strictEqual(
      Buffer.from(await vscode.workspace.fs.readFile(uri)).toString(),
      'theirs\n',
      "the instance keeps the other writer's change",
    );
    // Revert shows the instance's version.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.strictEqual(document.getText(), 'theirs\n');
    assert.ok(!document.isDirty);
    await assertEveryRequestSignedIn();
  });

  it('says the instance stopped when it is stopped under the user', async () => {
    await vscode.workspace.fs.writeFile(file('before-stop.txt'), Buffer.from('x'));
    await withWindow(async (ui) => {
      ui.onMessage(/Stop notebook instance FraudDetectionNotebookInstance\?/, 'Stop');
      const stopped = await run<Outcome>('stopNotebookInstance', await instanceNode(FRAUD));
      assert.strictEqual(stopped.outcome, 'done');
    });
    const error = await fsError(vscode.workspace.fs.readDirectory(root));
    assert.strictEqual(error.code, 'Unavailable');
    assert.match(
      error.message,
      /Cannot reach the files of notebook instance FraudDetectionNotebookInstance: the instance stopped \(it is Stopped\)\. Start it from the Notebook Instances view/,
    );
    assert.strictEqual((await fsError(vscode.workspace.fs.readFile(file('before-stop.txt')))).code, 'Unavailable');
    await assertEveryRequestSignedIn();
  });

  it('starts a Stopped instance when the user agrees, then opens its files', async () => {
    const node = await instanceNode(LAB);
    assert.strictEqual((await node.getTreeItem()).contextValue, 'resource:notebookInstance:Stopped');
    await withWindow(async (ui) => {
      ui.onMessage(/ml-pipeline-lab-notebook is Stopped\. Start it to open its files\?/, undefined);
      const declined = await run<Outcome>('openInstanceFiles', node);
      assert.strictEqual(declined.outcome, 'cancelled');
    });
    assert.deepStrictEqual(added, [], 'nothing added when the user declines');
    assert.strictEqual(
      (await (await instanceNode(LAB)).getTreeItem()).contextValue,
      'resource:notebookInstance:Stopped',
    );

    await withWindow(async (ui) => {
      ui.onMessage(/ml-pipeline-lab-notebook is Stopped\. Start it to open its files\?/, 'Start');
      const outcome = await run<Outcome>('openInstanceFiles', node);
      assert.deepStrictEqual(
        [outcome.outcome, outcome.message],
        ['done', `Added ${LAB}'s files (/home/ec2-user/SageMaker) to the workspace as "${LAB} (SageMaker)".`],
      );
    });
    const labRoot = instanceFilesUri(LAB);
    assert.deepStrictEqual(added, [
      {
        start: vscode.workspace.workspaceFolders?.length ?? 0,
        deleteCount: 0,
        folders: [{ uri: labRoot.toString(), authority: LAB, name: `${LAB} (SageMaker)` }],
      },
    ]);
    assert.strictEqual(
      (await (await instanceNode(LAB)).getTreeItem()).contextValue,
      'resource:notebookInstance:InService',
    );
    const names = (await vscode.workspace.fs.readDirectory(labRoot)).map(([name]) => name);
    assert.ok(
      names.includes('Lab1-data-preparation.ipynb'),
      `the lifecycle script's notebooks are there: ${names.join(', ')}`,
    );
    await assertEveryRequestSignedIn();
  });
});
