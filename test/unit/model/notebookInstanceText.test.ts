import * as assert from 'assert';
import { createPlanDetail, lifecycleLogTailLines, startFailureMessage } from '../../../src/model/notebookInstanceText';
import type { NotebookInstancePlan } from '../../../src/model/notebookInstancePlan';

const ROLE = 'arn:aws:iam::123456789012:role/sm-notebook-instance-role';
const plan: NotebookInstancePlan = {
  name: 'abalone-lab',
  instanceType: 'ml.t3.medium',
  roleArn: ROLE,
  volumeSizeInGB: 10,
  lifecycle: { kind: 'none' },
  rootAccess: false,
  directInternetAccess: true,
};

describe('notebook instance texts', () => {
  it('says what a create makes and costs', () => {
    assert.strictEqual(
      createPlanDetail(plan),
      [
        `ml.t3.medium, 10 GB ML storage, role ${ROLE}.`,
        'No lifecycle configuration.',
        'Code repository: none. Root access off, direct internet access on.',
        'It starts at once (on-create and on-start scripts run) and is billed per hour while InService.',
      ].join('\n'),
    );
    assert.match(
      createPlanDetail({ ...plan, lifecycle: { kind: 'existing', name: 'foo' } }),
      /\nLifecycle configuration foo\.\n/,
    );
    assert.match(
      createPlanDetail({
        ...plan,
        defaultCodeRepository: 'abalone-cicd-pipeline',
        lifecycle: { kind: 'new', name: 'lab-sync', template: { kind: 's3-sync', s3Uri: 's3://b/p/' } },
      }),
      /\nCreates lifecycle configuration lab-sync from the "s3-sync" template first\.\nCode repository: abalone-cicd-pipeline\./,
    );
  });

  it('keeps the last lines of the lifecycle log in time order, named by hook', () => {
    const events = [
      { timestamp: 3, logStreamName: 'lab/LifecycleConfigOnStart', message: 'third' },
      { timestamp: 1, logStreamName: 'lab/LifecycleConfigOnCreate', message: 'first' },
      { timestamp: 2, logStreamName: 'lab/LifecycleConfigOnStart', message: 'second' },
    ];
    assert.deepStrictEqual(lifecycleLogTailLines(events, 2), [
      'LifecycleConfigOnStart: second',
      'LifecycleConfigOnStart: third',
    ]);
    assert.deepStrictEqual(lifecycleLogTailLines(events, 10)[0], 'LifecycleConfigOnCreate: first');
  });

  it('names the reason of a failed start and the log lines, or why there are none', () => {
    assert.strictEqual(
      startFailureMessage('lab', 'took longer than 5 minutes', ['LifecycleConfigOnStart: x']),
      'lab failed to start: took longer than 5 minutes\nLast lines of its lifecycle log:\nLifecycleConfigOnStart: x',
    );
    assert.match(
      startFailureMessage('lab', 'r', []),
      /\nIts lifecycle log has no lines \(an instance without internet access cannot write them\)\.$/,
    );
  });
});
