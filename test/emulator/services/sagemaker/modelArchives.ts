// The model.tar.gz a training job leaves in S3. AutoGluon's carries what the seed's train.py
// writes next to the predictor: Leaderboard.csv, Model_Evaluation.txt and Fit_Summary.txt.
// Archives are built once (tar-stream, gzip) before the emulator listens, then reused.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { pack, type Pack } from 'tar-stream';

/** AutoGluon Tabular's leaderboard of the seed's abalone run (score_val, higher is better). */
const LEADERBOARD: Array<[string, number, number, number, number, number, number]> = [
  // model, score_test, score_val, pred_time_test, pred_time_val, fit_time, stack_level
  ['WeightedEnsemble_L2', 0.229665, 0.307229, 0.4131, 0.1062, 38.52, 2],
  ['XGBoost', 0.229665, 0.303213, 0.0521, 0.0118, 4.87, 1],
  ['LightGBM', 0.248804, 0.289157, 0.0297, 0.0087, 2.91, 1],
  ['NeuralNetMXNet', 0.296651, 0.2751, 0.2419, 0.0584, 21.03, 1],
  ['NeuralNetFastAI', 0.284689, 0.273092, 0.0712, 0.0199, 9.66, 1],
  ['LightGBMLarge', 0.253589, 0.271084, 0.0338, 0.0094, 5.42, 1],
  ['LightGBMXT', 0.267943, 0.267068, 0.0264, 0.0081, 2.37, 1],
  ['RandomForestEntr', 0.26555, 0.263052, 0.1105, 0.0562, 1.21, 1],
  ['CatBoost', 0.263158, 0.257028, 0.0113, 0.0049, 12.75, 1],
  ['RandomForestGini', 0.251196, 0.25502, 0.1089, 0.0548, 1.14, 1],
  ['ExtraTreesGini', 0.263158, 0.251004, 0.1142, 0.0571, 0.98, 1],
  ['ExtraTreesEntr', 0.260766, 0.240964, 0.1126, 0.0566, 1.02, 1],
  ['KNeighborsUnif', 0.217703, 0.220884, 0.0241, 0.0112, 0.02, 1],
  ['KNeighborsDist', 0.200957, 0.218876, 0.0238, 0.0109, 0.02, 1],
];

export function autoGluonLeaderboard(): Array<{ model: string; scoreTest: number; scoreVal: number; fitTime: number }> {
  return LEADERBOARD.map(([model, scoreTest, scoreVal, , , fitTime]) => ({ model, scoreTest, scoreVal, fitTime }));
}

export function leaderboardCsv(): string {
  const header =
    ',model,score_test,score_val,pred_time_test,pred_time_val,fit_time,pred_time_test_marginal,pred_time_val_marginal,fit_time_marginal,stack_level,can_infer,fit_order';
  const rows = LEADERBOARD.map(([model, test, val, pt, pv, fit, level], i) =>
    [i, model, test, val, pt, pv, fit, pt, pv, fit, level, 'True', i + 1].join(','),
  );
  return `${header}\n${rows.join('\n')}\n`;
}

const MODEL_EVALUATION = JSON.stringify(
  { accuracy: 0.22966507177033493, balanced_accuracy: 0.12380952380952381, mcc: 0.1502361403224183 },
  null,
  4,
);

const FIT_SUMMARY = `*** Summary of fit() ***
Estimated performance of each model:
${LEADERBOARD.map(([model, , val, , pv, fit, level]) => `${model.padEnd(20)} ${val.toFixed(6)}  ${pv.toFixed(4)}  ${fit.toFixed(2)}  ${level}`).join('\n')}
Number of models trained: ${LEADERBOARD.length}
Types of models trained:
{'WeightedEnsembleModel', 'XGBoostModel', 'LGBModel', 'TabularNeuralNetModel', 'NNFastAiTabularModel', 'RFModel', 'CatBoostModel', 'XTModel', 'KNNModel'}
*** End of fit() summary ***
`;

// AutoGluon's fit_summary(show_plot=True) page: a bokeh plot whose script must never run in the editor.
const SUMMARY_OF_MODELS = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Summary of models</title>
<script src="https://cdn.bokeh.org/bokeh/release/bokeh-2.0.1.min.js"></script></head>
<body><h1>Summary of fit()</h1>
<table border="1"><thead><tr><th>model</th><th>score_val</th><th>fit_time</th><th>pred_time_val</th><th>stack_level</th></tr></thead><tbody>
${LEADERBOARD.map(([model, , val, , pv, fit, level]) => `<tr><td>${model}</td><td>${val}</td><td>${fit}</td><td>${pv}</td><td>${level}</td></tr>`).join('\n')}
</tbody></table>
<div id="plot"></div>
<script>document.title = 'script ran'; Bokeh.embed.embed_item({}, 'plot');</script>
</body></html>
`;

const archives = new Map<string, Buffer>();

export type ArchiveKind = 'autogluon' | 'generic' | 'autogluon-large';

/** A model.tar.gz holding `files` (tests build archives with content of their own). */
export async function buildModelArchive(files: Array<[string, string | Buffer]>): Promise<Buffer> {
  const tar = pack();
  const gzip = createGzip();
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    gzip.on('end', () => resolve());
    gzip.on('error', reject);
  });
  tar.pipe(gzip);
  for (const [name, content] of files) tar.entry({ name, mtime: MTIME }, content);
  tar.finalize();
  await done;
  return Buffer.concat(chunks);
}

const MTIME = new Date('2021-07-05T18:21:44Z');

async function writeEntry(tar: Pack, name: string, size: number): Promise<void> {
  // One incompressible megabyte repeated: deflate's 32 KiB window cannot see the repeat, so the
  // archive stays as large as its content, which is what the streaming benchmark needs.
  const block = randomBytes(1024 * 1024);
  const entry = tar.entry({ name, size, mtime: MTIME }, () => undefined);
  const finished = once(entry, 'finish');
  let written = 0;
  while (size - written > block.length) {
    if (!entry.write(block)) await once(entry, 'drain');
    written += block.length;
  }
  entry.end(block.subarray(0, size - written));
  await finished;
}

/** An AutoGluon archive of about `megabytes` whose models come before the reports, as `tar czf` may order them. */
async function buildLarge(megabytes: number): Promise<Buffer> {
  const tar = pack();
  const gzip = createGzip({ level: 1 });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = once(gzip, 'end');
  tar.pipe(gzip);
  await writeEntry(tar, 'models/WeightedEnsemble_L2/model.pkl', megabytes * 1024 * 1024);
  for (const [name, content] of [
    ['Leaderboard.csv', leaderboardCsv()],
    ['Model_Evaluation.txt', MODEL_EVALUATION],
    ['SummaryOfModels.html', SUMMARY_OF_MODELS],
  ])
    tar.entry({ name, mtime: MTIME }, content);
  tar.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** The 300 MB artefact of the large scenario, built once when that scenario is seeded. */
export async function prepareLargeModelArchive(): Promise<void> {
  if (!archives.has('autogluon-large')) archives.set('autogluon-large', await buildLarge(300));
}

export async function prepareModelArchives(): Promise<void> {
  if (archives.size > 0) return;
  archives.set(
    'autogluon',
    await buildModelArchive([
      ['Leaderboard.csv', leaderboardCsv()],
      ['Model_Evaluation.txt', MODEL_EVALUATION],
      ['Fit_Summary.txt', FIT_SUMMARY],
      ['SummaryOfModels.html', SUMMARY_OF_MODELS],
      ['predictor.pkl', Buffer.alloc(2048, 7)],
      ['models/WeightedEnsemble_L2/model.pkl', Buffer.alloc(4096, 3)],
    ]),
  );
  archives.set('generic', await buildModelArchive([['xgboost-model', Buffer.alloc(8192, 5)]]));
}

export function modelArchive(kind: ArchiveKind): Buffer {
  const archive = archives.get(kind);
  if (!archive) throw new Error('model archives are built before the emulator listens (prepareModelArchives)');
  return archive;
}
