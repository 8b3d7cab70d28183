#!/usr/bin/env node
// `npm run bench`: numbers, not pass/fail. Against the emulator's "large" scenario (10,000 training
// jobs, 2,000 Autopilot candidates, 1,000 model versions, 300 endpoints): the latency of each list call
// the sidebar makes, the size of the bundle activation loads, and then every view measured in a real
// VS Code extension host (time to first page, AWS calls per refresh, calls to expand one resource).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFile, spawnSync } = require('node:child_process');
const { promisify } = require('node:util');

const ROOT = path.resolve(__dirname, '..');
if (!fs.existsSync(path.join(ROOT, 'out', 'test', 'emulator', 'index.js'))) spawnSync('npm', ['run', 'compile'], { cwd: ROOT, stdio: 'inherit' });
if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });

const { startEmulator } = require(path.join(ROOT, 'out', 'test', 'emulator', 'index.js'));
const sm = require('@aws-sdk/client-sagemaker');

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const ARTEFACT_MEMORY_BUDGET = 64 * 1024 * 1024;
const LARGE_ARTEFACT = 's3://sagemaker-us-east-1-123456789012/abalone-autogluon-300mb-artefact/abalone-autogluon-300mb-artefact/output/model.tar.gz';

/** The leaderboard read out of the large scenario's 300 MB artefact, in a child process (see test/bench/artefactRead.ts). */
async function benchArtefact(endpoint, mode = 'streamed') {
  // Asynchronous: the emulator answering the child runs in this process's event loop.
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', path.join(ROOT, 'out', 'test', 'bench', 'artefactRead.js'), endpoint, LARGE_ARTEFACT, mode], { encoding: 'utf8', maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').pop());
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(name, fn) {
  await fn(); // warm-up: connection, model loading
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { name, runs: RUNS, medianMs: +percentile(times, 50).toFixed(2), p95Ms: +percentile(times, 95).toFixed(2) };
}

async function main() {
  const emulator = await startEmulator({ port: 0, scenario: 'large', timeScale: 0.001, log: () => {} });
  const client = new sm.SageMakerClient({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' } });
  try {
    const results = [
      await measure('ListTrainingJobs first page of 50 (10,000 jobs)', () => client.send(new sm.ListTrainingJobsCommand({ MaxResults: 50 }))),
      await measure('ListNotebookInstances first page of 50 (500 instances)', () => client.send(new sm.ListNotebookInstancesCommand({ MaxResults: 50 }))),
      await measure('ListAutoMLJobs first page of 50 (300 jobs)', () => client.send(new sm.ListAutoMLJobsCommand({ MaxResults: 50 }))),
      await measure('ListCandidatesForAutoMLJob best 50 of 2,000', () => client.send(new sm.ListCandidatesForAutoMLJobCommand({ AutoMLJobName: 'abalone-large-sweep', SortBy: 'FinalObjectiveMetricValue', SortOrder: 'Ascending', MaxResults: 50 }))),
      await measure('ListModelPackages newest 50 of 1,000', () => client.send(new sm.ListModelPackagesCommand({ ModelPackageGroupName: 'AbaloneSweepPackageGroup', SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: 50 }))),
    ];
    const artefact = await benchArtefact(emulator.url);
    const buffered = await benchArtefact(emulator.url, 'buffered');
    const bundle = fs.statSync(path.join(ROOT, 'dist', 'extension.js')).size;
    console.log('benchmark                                                   median ms   p95 ms');
    for (const r of results) console.log(`${r.name.padEnd(60)}${String(r.medianMs).padStart(9)}${String(r.p95Ms).padStart(9)}`);
    console.log(`dist/extension.js loaded at activation: ${(bundle / 1024).toFixed(0)} KiB (further chunks load on first use)`);
    const mb = (n) => (n / 1024 / 1024).toFixed(1);
    console.log(`AutoGluon leaderboard from a ${mb(artefact.objectBytes)} MB model.tar.gz: read ${mb(artefact.bytesRead)} MB in ${artefact.ms} ms, ${artefact.leaderboardRows} models; peak memory growth ${mb(artefact.peakGrowthBytes)} MB (budget ${mb(ARTEFACT_MEMORY_BUDGET)} MB)`);
    console.log(`  the same read buffering the whole object first (the approach streaming replaced): peak memory growth ${mb(buffered.peakGrowthBytes)} MB in ${buffered.ms} ms`);
    if (artefact.peakGrowthBytes > ARTEFACT_MEMORY_BUDGET) {
      console.log('OVER BUDGET: extracting the leaderboard must stream the archive, not hold it');
      process.exitCode = 1;
    }
    await emulator.close();
    const { views, webviews } = await benchViews();
    fs.mkdirSync(path.join(ROOT, 'bench'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench', 'results.json'), JSON.stringify({
      date: new Date().toISOString(), results, bundleBytes: bundle, views, webviews,
      figures: [
        { name: 'AutoGluon leaderboard extraction: bytes read from a 300 MB model.tar.gz', value: artefact.bytesRead, unit: 'bytes', budget: null },
        { name: 'AutoGluon leaderboard extraction: peak memory growth', value: artefact.peakGrowthBytes, unit: 'bytes', budget: ARTEFACT_MEMORY_BUDGET },
        { name: 'AutoGluon leaderboard extraction, whole object buffered first: peak memory growth', value: buffered.peakGrowthBytes, unit: 'bytes', budget: null },
      ],
    }, null, 2));
  } finally {
    await emulator.close();
  }
}

/** Runs test/bench in the VS Code host and prints its table. */
async function benchViews() {
  const { runInHost } = require('./run-integration');
  const file = path.join(ROOT, '.test-results', 'bench-views.json');
  const webviewsFile = path.join(ROOT, '.test-results', 'bench-webviews.json');
  fs.rmSync(file, { force: true });
  fs.rmSync(webviewsFile, { force: true });
  const run = await runInHost({ suiteDir: path.join(ROOT, 'out', 'test', 'bench'), scenario: 'large', env: { SMW_BENCH_RESULTS: file, SMW_BENCH_WEBVIEWS: webviewsFile } });
  for (const test of run.tests.filter((t) => t.state === 'failed')) console.log(`FAILED: ${test.fullTitle}\n${test.error}`);
  const views = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : [];
  const count = (calls) => Object.entries(calls.reduce((m, c) => ({ ...m, [c]: (m[c] ?? 0) + 1 }), {})).map(([c, n]) => (n > 1 ? `${n}× ${c}` : c)).join(', ');
  console.log('');
  console.log(`Views in VS Code ${run.vscodeVersion} (large scenario): time to first page, AWS calls`);
  console.log('view                rows   median ms   max ms   calls per refresh / to expand the first row');
  for (const v of views) {
    console.log(`${v.view.padEnd(18)}${String(v.rows).padStart(6)}${String(v.firstPageMedianMs).padStart(12)}${String(v.firstPageMaxMs).padStart(9)}   ${count(v.callsPerRefresh)}`);
    console.log(`${''.padEnd(48)}expand: ${count(v.callsToExpandFirst) || 'none'}`);
  }
  const webviews = fs.existsSync(webviewsFile) ? JSON.parse(fs.readFileSync(webviewsFile, 'utf8')) : [];
  console.log('');
  console.log('Webviews (measured by the page in Chromium)');
  for (const w of webviews) console.log(`${w.name.padEnd(60)}${String(w.value).padStart(9)} ${w.unit}${w.calls ? `  (${w.calls} list calls)` : ''}`);
  if (run.failed > 0) process.exitCode = 1;
  return { views, webviews };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
