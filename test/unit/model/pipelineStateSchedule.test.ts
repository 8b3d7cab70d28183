import * as assert from 'assert';
import {
  PIPELINE_SCHEDULE,
  PipelineStateSchedule,
  TokenBucket,
  type ScheduleStep,
} from '../../../src/model/pipelineStateSchedule';
import type { PipelineStateLike } from '../../../src/model/codePipelineState';

const MINUTE = 60_000;

function succeeded(executionId: string): PipelineStateLike {
  return {
    stageStates: [{ stageName: 'Source', latestExecution: { pipelineExecutionId: executionId, status: 'Succeeded' } }],
  };
}

function waiting(executionId: string, token: string): PipelineStateLike {
  return {
    stageStates: [
      { stageName: 'Source', latestExecution: { pipelineExecutionId: executionId, status: 'Succeeded' } },
      {
        stageName: 'Approval',
        latestExecution: { pipelineExecutionId: executionId, status: 'InProgress' },
        actionStates: [{ actionName: 'EvaluationApproval', latestExecution: { status: 'InProgress', token } }],
      },
    ],
  };
}

function pipelines(n: number, at = 0) {
  return Array.from({ length: n }, (_, i) => ({
    name: `team-${String(i).padStart(3, '0')}`,
    updated: new Date(at - i * 3_600_000),
  }));
}

/** A fake clock that advances by what the schedule asks to wait; reads answer at once with `state(name)`. */
function drive(
  schedule: PipelineStateSchedule,
  untilMs: number,
  state: (name: string, now: number) => PipelineStateLike,
  from = 0,
  rereads = true,
): { reads: { name: string; at: number }[]; lists: number[] } {
  const reads: { name: string; at: number }[] = [];
  const lists: number[] = [];
  let now = from;
  while (now < untilMs) {
    const step: ScheduleStep = schedule.next(now, rereads);
    if (step.kind === 'idle') break;
    if (step.kind === 'wait') now += step.ms;
    else if (step.kind === 'list') {
      lists.push(now);
      schedule.listed(pipelines(schedule.size), undefined, step.nextToken === undefined, now);
    } else {
      reads.push({ name: step.name, at: now });
      schedule.answered(step.name, state(step.name, now), now);
    }
  }
  return { reads, lists };
}

describe('TokenBucket', () => {
  it('lets a burst through, then one call per 1/rate seconds', () => {
    const bucket = new TokenBucket(3, 2, 0);
    assert.deepStrictEqual([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)], [true, true, true, false]);
    assert.strictEqual(bucket.waitMs(0), 500);
    assert.strictEqual(bucket.take(499), false);
    assert.strictEqual(bucket.take(500), true);
  });

  it('never holds more than its capacity after a long pause', () => {
    const bucket = new TokenBucket(2, 10, 0);
    bucket.take(0);
    bucket.take(0);
    const taken = [0, 0, 0].map(() => bucket.take(3_600_000));
    assert.deepStrictEqual(taken, [true, true, false]);
  });
});

describe('PipelineStateSchedule', () => {
  it('reads never-read pipelines newest-updated first, a burst at once, then at the bounded rate', () => {
    const s = new PipelineStateSchedule(PIPELINE_SCHEDULE, 0);
    const listed = pipelines(200);
    // The oldest pipeline listed first (ListPipelines is in name order): still read last.
    s.listed([...listed].reverse(), undefined, true, 0);
    const { reads } = drive(s, 120_000, (name) => succeeded(`e-${name}`), 0, false);
    assert.strictEqual(reads.length, 200, 'each pipeline read once');
    assert.deepStrictEqual(
      reads.slice(0, 3).map((r) => r.name),
      ['team-000', 'team-001', 'team-002'],
    );
    assert.strictEqual(reads[199].name, 'team-199');
    assert.ok(
      reads.slice(0, 10).every((r) => r.at === 0),
      'the burst of ten goes at once',
    );
    assert.strictEqual(reads[10].at, 200, 'then one every 1/5 s');
    assert.strictEqual(reads[199].at, 190 * 200);
    assert.strictEqual(s.unread, 0);
  });

  it('orders pipelines of the same `updated` by name', () => {
    const s = new PipelineStateSchedule(PIPELINE_SCHEDULE, 0);
    s.listed([{ name: 'b' }, { name: 'a' }, { name: 'c', updated: new Date(5) }], undefined, true, 0);
    const { reads } = drive(s, 10, (n) => succeeded(n), 0, false);
    assert.deepStrictEqual(
      reads.map((r) => r.name),
      ['c', 'a', 'b'],
    );
  });

  it('re-reads an unchanged pipeline less and less often, a changed one soon again', () => {
    const s = new PipelineStateSchedule({ ...PIPELINE_SCHEDULE, relistMs: 1e12 }, 0);
    s.listed([{ name: 'quiet' }, { name: 'busy' }], undefined, true, 0);
    let execution = 0;
    const { reads } = drive(s, 60 * MINUTE, (name, now) =>
      name === 'quiet' ? succeeded('e1') : now < 10 * MINUTE ? succeeded(`e${++execution}`) : succeeded('final'),
    );
    const quiet = reads.filter((r) => r.name === 'quiet').map((r) => r.at / MINUTE);
    assert.deepStrictEqual(quiet, [0, 1, 3, 7, 15, 30, 45]);
    const busy = reads.filter((r) => r.name === 'busy').map((r) => r.at / MINUTE);
    assert.deepStrictEqual(busy.slice(0, 11), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'every minute while it changes');
    assert.deepStrictEqual(busy.slice(11, 14), [11, 13, 17], 'then backing off');
  });

  it('re-reads a running release within two minutes even while its state stays the same', () => {
    const s = new PipelineStateSchedule({ ...PIPELINE_SCHEDULE, relistMs: 1e12 }, 0);
    s.listed([{ name: 'running' }], undefined, true, 0);
    const running: PipelineStateLike = {
      stageStates: [{ stageName: 'Build', latestExecution: { pipelineExecutionId: 'e', status: 'InProgress' } }],
    };
    const { reads } = drive(s, 20 * MINUTE, () => running);
    assert.deepStrictEqual(
      reads.map((r) => r.at / MINUTE),
      [0, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19],
    );
  });

  it('stays under ten calls a minute at rest however many pipelines, relisting every ten minutes', () => {
    for (const count of [200, 1000]) {
      const s = new PipelineStateSchedule(PIPELINE_SCHEDULE, 0);
      s.listed(pipelines(count), undefined, true, 0);
      const hours = 12;
      const { reads, lists } = drive(s, hours * 60 * MINUTE, (name) => succeeded(`e-${name}`));
      // At rest each pipeline is read once per rest interval, so N pipelines cost N / interval reads a minute.
      assert.strictEqual(s.restIntervalMs, Math.max(15, count / 10) * MINUTE);
      const settled = 6 * 60 * MINUTE;
      const last = new Map<string, number>();
      let shortest = Infinity;
      for (const r of reads) {
        const before = last.get(r.name);
        if (before !== undefined && before >= settled) shortest = Math.min(shortest, r.at - before);
        last.set(r.name, r.at);
      }
      assert.ok(shortest >= s.restIntervalMs, `${count}: re-read after ${shortest / MINUTE} min`);
      assert.ok((count * MINUTE) / s.restIntervalMs <= 10);
      assert.strictEqual(lists.filter((at) => at >= settled).length, 36, 'a relist every ten minutes');
    }
  });

  it('finds a release that starts waiting while at rest within its rest interval', () => {
    const s = new PipelineStateSchedule(PIPELINE_SCHEDULE, 0);
    s.listed(pipelines(200), undefined, true, 0);
    const startsWaiting = 2 * 60 * MINUTE;
    const { reads } = drive(s, 4 * 60 * MINUTE, (name, now) =>
      name === 'team-150' && now >= startsWaiting ? waiting('e2', 'token') : succeeded(`e-${name}`),
    );
    const seen = reads.find((r) => r.name === 'team-150' && r.at >= startsWaiting)!;
    assert.ok(seen.at - startsWaiting <= s.restIntervalMs, `seen ${(seen.at - startsWaiting) / MINUTE} min later`);
    assert.strictEqual(s.restIntervalMs, 20 * MINUTE, '200 pipelines at 10 calls a minute');
  });

  it('halves its rate on throttling, never below the minimum, and comes back a step per answer', () => {
    const s = new PipelineStateSchedule(PIPELINE_SCHEDULE, 0);
    s.listed(pipelines(50), undefined, true, 0);
    s.throttled(0);
    assert.strictEqual(s.ratePerSecond, 2.5);
    const step = s.next(0, true);
    assert.deepStrictEqual(step, { kind: 'wait', ms: 400 }, 'the burst left is spent');
    for (let i = 0; i < 10; i++) s.throttled(0);
    assert.strictEqual(s.ratePerSecond, 0.5);
    const read = s.next(2000, true);
    assert.strictEqual(read.kind, 'read');
    s.answered((read as { name: string }).name, succeeded('e'), 2000);
    assert.strictEqual(s.ratePerSecond, 0.6);
  });

  it('does not read a pipeline whose read is already under way elsewhere', () => {
    const s = new PipelineStateSchedule(PIPELINE_SCHEDULE, 0);
    s.listed([{ name: 'a' }, { name: 'b' }], undefined, true, 0);
    s.started('a');
    assert.deepStrictEqual(s.next(0, false), { kind: 'read', name: 'b' });
    s.answered('b', succeeded('e'), 0);
    assert.deepStrictEqual(s.next(0, false), { kind: 'idle' });
    s.answered('a', succeeded('e'), 10);
    assert.strictEqual(s.unread, 0);
  });

  it('continues a listing the view left unfinished, and a complete listing drops deleted pipelines', () => {
    const s = new PipelineStateSchedule(PIPELINE_SCHEDULE, 0);
    s.listed([{ name: 'a' }, { name: 'gone' }], 'page-2', true, 0);
    assert.deepStrictEqual(s.next(0, false), { kind: 'list', nextToken: 'page-2' });
    assert.deepStrictEqual(s.next(0, false), { kind: 'idle' }, 'one list call at a time');
    s.listed([{ name: 'b' }], undefined, false, 0);
    assert.strictEqual(s.listComplete, true);
    assert.deepStrictEqual(s.names.sort(), ['a', 'b', 'gone']);
    s.listed([{ name: 'a' }, { name: 'b' }], undefined, true, 10);
    assert.deepStrictEqual(s.names.sort(), ['a', 'b']);
  });

  it('forgets a deleted pipeline and backs off on other errors', () => {
    const s = new PipelineStateSchedule(PIPELINE_SCHEDULE, 0);
    s.listed([{ name: 'a' }, { name: 'b' }], undefined, true, 0);
    assert.deepStrictEqual(s.next(0, false), { kind: 'read', name: 'a' });
    s.failed('a', 0, true);
    assert.deepStrictEqual(s.names, ['b']);
    assert.deepStrictEqual(s.next(0, false), { kind: 'read', name: 'b' });
    s.failed('b', 0, false);
    assert.deepStrictEqual(s.next(0, false), { kind: 'wait', ms: 2 * MINUTE });
  });

  it('reads everything again, newest first, when the user refreshes', () => {
    const s = new PipelineStateSchedule(PIPELINE_SCHEDULE, 0);
    // Listed oldest first, as AWS may list them: the order of the reads comes from `updated`.
    s.listed(pipelines(3).reverse(), undefined, true, 0);
    drive(s, 1000, (n) => succeeded(n), 0, false);
    assert.deepStrictEqual(s.next(5000, true), { kind: 'wait', ms: MINUTE - 5000 });
    assert.strictEqual(s.dueCount(5000, true), 0);
    s.refreshAll(5000);
    assert.strictEqual(s.dueCount(5000, true), 3);
    assert.strictEqual(s.dueCount(5000, false), 0, 'without re-reads, nothing read is due');
    const { reads } = drive(s, 6000, (n) => succeeded(n), 5000, true);
    assert.deepStrictEqual(
      reads.map((r) => r.name),
      ['team-000', 'team-001', 'team-002'],
    );
    assert.strictEqual(s.dueCount(6000, true), 0);
  });

  it('counts as due the pipelines waiting for a read, not those under way', () => {
    const s = new PipelineStateSchedule(PIPELINE_SCHEDULE, 0);
    s.listed(pipelines(3), undefined, true, 0);
    assert.strictEqual(s.dueCount(0, false), 3);
    s.started('team-001');
    assert.strictEqual(s.dueCount(0, false), 2);
    s.answered('team-001', succeeded('e'), 0);
    assert.strictEqual(s.dueCount(0, false), 2);
    assert.strictEqual(s.dueCount(0, true), 2, 'read just now: its re-read is not due yet');
  });
});
