// Sorting the leaderboard's rows by a column: each row's key is read once (not twice per comparison), numbers
// compare as numbers and text as text, rows without a value (or NaN) go last in either direction, and equal keys keep
// the order they came in (the ranking).

export type SortKey = number | string | undefined;

export function sortRows<Row>(rows: readonly Row[], keyOf: (row: Row) => SortKey, descending: boolean): Row[] {
  const keys = rows.map((row) => {
    const key = keyOf(row);
    return typeof key === 'number' && Number.isNaN(key) ? undefined : key;
  });
  const order = Array.from(rows.keys());
  const dir = descending ? -1 : 1;
  order.sort((a, b) => {
    const x = keys[a];
    const y = keys[b];
    if (x === undefined || y === undefined) return x === y ? a - b : x === undefined ? 1 : -1;
    return x < y ? -dir : x > y ? dir : a - b;
  });
  return order.map((i) => rows[i]);
}
