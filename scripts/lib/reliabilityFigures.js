// Sums the reliability figures the suites counted while they ran (.test-results/reliability.jsonl, one
// {figure, count} per line, written by test/support/reliabilityTally.ts and the integration runner),
// prints them and keeps them in .test-results/reliability.json for the README.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const RESULTS_DIR = path.resolve(__dirname, '..', '..', '.test-results');
const TALLY = path.join(RESULTS_DIR, 'reliability.jsonl');

function startTally() {
  fs.rmSync(TALLY, { force: true });
}

function add(figure, count) {
  if (!(count > 0)) return;
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.appendFileSync(TALLY, `${JSON.stringify({ figure, count })}\n`);
}

function report() {
  if (!fs.existsSync(TALLY)) return;
  const sums = new Map();
  for (const line of fs.readFileSync(TALLY, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { figure, count } = JSON.parse(line);
    sums.set(figure, (sums.get(figure) ?? 0) + count);
  }
  const figures = [...sums].map(([figure, count]) => ({ figure, count }));
  fs.writeFileSync(path.join(RESULTS_DIR, 'reliability.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log('\n=== reliability figures (counted in this run) ===');
  for (const f of figures) console.log(`${String(f.count).padStart(8)}  ${f.figure}`);
}

module.exports = { startTally, add, report };
