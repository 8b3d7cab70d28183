// The lint rule that keeps the layers of src/ apart (eslint.config.mjs): an import against the flow fails
// the build. Linted as if the files were in the tree, with the project's own configuration.
import * as assert from 'assert';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '..', '..', '..', '..');

async function problems(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layers of src/ (lint)', function () {
  this.timeout(60_000);

  it('rejects an import of a layer above: model importing a view, a view importing a command', async () => {
    const fromModel = await problems(
      'src/model/example.ts',
      "import { LoadMoreNode } from '../views/tree/messageNodes';\nexport const x = LoadMoreNode;\n",
    );
    assert.ok(
      fromModel.some((p) => p.includes('src/model may not import the layers above it')),
      fromModel.join('\n'),
    );
    const fromView = await problems(
      'src/views/example.ts',
      "import { registerSessionCommands } from '../commands/session/sessionCommands';\nexport const x = registerSessionCommands;\n",
    );
    assert.ok(
      fromView.some((p) => p.includes('src/views may not import the layers above it')),
      fromView.join('\n'),
    );
  });

  it('rejects an SDK call outside src/aws and VS Code inside it, and allows SDK types above it', async () => {
    const call = await problems(
      'src/commands/example.ts',
      "import { ListEndpointsCommand } from '@aws-sdk/client-sagemaker';\nexport const x = new ListEndpointsCommand({});\n",
    );
    assert.ok(
      call.some((p) => p.includes('AWS SDK calls live in src/aws')),
      call.join('\n'),
    );
    const vscodeInAws = await problems(
      'src/aws/example.ts',
      "import * as vscode from 'vscode';\nexport const x = vscode.version;\n",
    );
    assert.ok(
      vscodeInAws.some((p) => p.includes('src/aws is free of VS Code')),
      vscodeInAws.join('\n'),
    );
    const types = await problems(
      'src/views/example.ts',
      "import type { EndpointSummary } from '@aws-sdk/client-sagemaker';\nexport type X = EndpointSummary;\n",
    );
    assert.deepStrictEqual(
      types.filter((p) => p.includes('no-restricted-imports')),
      [],
    );
  });

  it('lets each layer import those below it', async () => {
    const fine = await problems(
      'src/commands/example.ts',
      "import { pace } from '../ui/pace';\nimport { pageSize } from '../session/pageSize';\nexport const x = [pace, pageSize];\n",
    );
    assert.deepStrictEqual(
      fine.filter((p) => p.includes('no-restricted-imports')),
      [],
    );
  });
});
