import * as assert from 'assert';
import {
  MAX_CONTENT_CHARS,
  notebookSources,
  packagesProblem,
  s3PrefixProblem,
  scriptProblem,
  templateScript,
} from '../../../src/model/lifecycleTemplates';
import { notebookPlanProblem, type NotebookInstancePlan } from '../../../src/model/notebookInstancePlan';
import { clearNotebookOutputs } from '../../../src/model/notebookOutputs';

const ROLE = 'arn:aws:iam::123456789012:role/sm-notebook-instance-role';
const plan = (over: Partial<NotebookInstancePlan> = {}): NotebookInstancePlan => ({
  name: 'abalone-lab',
  instanceType: 'ml.t3.medium',
  roleArn: ROLE,
  volumeSizeInGB: 5,
  lifecycle: { kind: 'none' },
  rootAccess: true,
  directInternetAccess: true,
  ...over,
});

describe('notebook instances: plans, lifecycle templates, outputs', () => {
  it('refuses what SageMaker would refuse in a create plan', () => {
    assert.strictEqual(notebookPlanProblem(plan(), []), undefined);
    assert.match(
      notebookPlanProblem(plan({ name: 'abalone_lab' }), [])!,
      /^A notebook instance name uses letters, digits and single or repeated hyphens/,
    );
    assert.match(notebookPlanProblem(plan({ volumeSizeInGB: 2 }), [])!, /from 5 to 16384/);
    assert.match(
      notebookPlanProblem(plan({ lifecycle: { kind: 'existing', name: 'foo' } }), [])!,
      /no lifecycle configuration named foo/,
    );
    assert.match(
      notebookPlanProblem(
        plan({ lifecycle: { kind: 'new', name: 'foo', template: { kind: 'auto-stop', idleMinutes: 60 } } }),
        ['foo'],
      )!,
      /exists; pick it instead/,
    );
    assert.match(
      notebookPlanProblem(
        plan({
          lifecycle: { kind: 'new', name: 'sync', template: { kind: 's3-sync', s3Uri: 'ml-pipeline-bucket/lab-1' } },
        }),
        [],
      )!,
      /S3 location like s3:\/\//,
    );
  });

  it("writes the seeds' S3 notebook sync, and reads the location back from a script", () => {
    const script = templateScript({ kind: 's3-sync', s3Uri: 's3://ml-pipeline-bucket/lab-1/scripts' });
    assert.match(
      script,
      /aws s3 cp s3:\/\/ml-pipeline-bucket\/lab-1\/scripts\/ \/home\/ec2-user\/SageMaker\/ --recursive --exclude "\*" --include "\*\.ipynb"/,
    );
    assert.match(script, /jupyter nbconvert --ClearOutputPreprocessor\.enabled=True --inplace "\$\{notebook\}"/);
    assert.match(script, /chown ec2-user:ec2-user/);
    assert.deepStrictEqual(notebookSources(script), ['s3://ml-pipeline-bucket/lab-1/scripts/']);
    assert.deepStrictEqual(
      notebookSources('aws s3 sync s3://b/p/ /home/ec2-user/SageMaker\naws s3 cp s3://b/x.ipynb .'),
      ['s3://b/p/', 's3://b/x.ipynb'],
    );
    assert.match(templateScript({ kind: 'auto-stop', idleMinutes: 45 }), /IDLE_MINUTES=45/);
    assert.match(
      templateScript({ kind: 'conda-packages', environment: 'python3', packages: ['autogluon==0.8.2'] }),
      /activate python3 && pip install --upgrade autogluon==0\.8\.2/,
    );
  });

  it('checks the limit of 16,384 base64 characters, S3 locations and package names', () => {
    assert.strictEqual(scriptProblem('x'.repeat((MAX_CONTENT_CHARS / 4) * 3), 'on-start'), undefined);
    assert.strictEqual(
      scriptProblem('x'.repeat(13_000), 'on-start'),
      'The on-start script has 13,000 characters (17,336 base64-encoded); SageMaker takes at most 16,384 base64-encoded characters (about 12,288 of script). Shorten it, or move part of it to S3 and download it from the script.',
    );
    // Four bytes a character in UTF-8: 4,000 emoji are 16,000 bytes, 21,336 characters once encoded.
    assert.match(scriptProblem('🐚'.repeat(4_000), 'on-create')!, /\(21,336 base64-encoded\)/);
    assert.strictEqual(s3PrefixProblem('s3://ml-pipeline-bucket/lab-1/'), undefined);
    assert.ok(s3PrefixProblem('s3://ML_bucket/'));
    assert.match(packagesProblem('autogluon==0.8.2; rm -rf /')!, /is not a pip requirement/);
  });

  it('clears code cell outputs and counts as nbconvert does, keeping everything else', () => {
    const nb = {
      cells: [
        {
          cell_type: 'code',
          execution_count: 3,
          outputs: [{ output_type: 'stream', text: 'rmse 1.48' }],
          metadata: { execution: { t: 1 }, tags: ['x'] },
          source: 'print(1)',
        },
        { cell_type: 'markdown', source: '# Abalone', metadata: {} },
      ],
      metadata: { kernelspec: { name: 'python3' } },
      nbformat: 4,
      nbformat_minor: 4,
    };
    const cleared = JSON.parse(clearNotebookOutputs(JSON.stringify(nb)));
    assert.deepStrictEqual(cleared.cells[0], {
      cell_type: 'code',
      execution_count: null,
      outputs: [],
      metadata: { tags: ['x'] },
      source: 'print(1)',
    });
    assert.deepStrictEqual(cleared.cells[1], nb.cells[1]);
    assert.deepStrictEqual(cleared.metadata, nb.metadata);
    assert.throws(() => clearNotebookOutputs('{"nbformat": 4}'), /no "cells" list/);
  });
});
