import * as assert from 'assert';
import { sortRows } from '../../../src/webviews/app/leaderboardSort';

interface Row {
  name: string;
  score?: number;
}

const rows: Row[] = [
  { name: 'c', score: 0.5 },
  { name: 'a' },
  { name: 'b', score: 0.9 },
  { name: 'd', score: 0.5 },
  { name: 'e', score: NaN },
];

describe('leaderboard sort', () => {
  it('sorts numbers as numbers in either direction, rows without a value last, ties in their order', () => {
    const names = (sorted: Row[]) => sorted.map((r) => r.name).join('');
    assert.strictEqual(names(sortRows(rows, (r) => r.score, false)), 'cdbae');
    assert.strictEqual(names(sortRows(rows, (r) => r.score, true)), 'bcdae');
    assert.strictEqual(
      names(
        sortRows(
          [
            { name: 'x', score: 10 },
            { name: 'y', score: 9 },
          ],
          (r) => r.score,
          false,
        ),
      ),
      'yx',
    );
  });

  it('sorts text and leaves the rows it was given as they were', () => {
    const given = [...rows];
    assert.deepStrictEqual(
      sortRows(rows, (r) => r.name, true).map((r) => r.name),
      ['e', 'd', 'c', 'b', 'a'],
    );
    assert.deepStrictEqual(rows, given);
  });

  it('reads each row key once', () => {
    let reads = 0;
    const many = Array.from({ length: 2000 }, (_, i) => ({ name: String((i * 7919) % 2000) }));
    const sorted = sortRows(
      many,
      (r) => {
        reads++;
        return r.name;
      },
      false,
    );
    assert.strictEqual(reads, 2000);
    assert.strictEqual(sorted[0].name, '0');
    assert.strictEqual(sorted[1999].name, '999');
  });
});
