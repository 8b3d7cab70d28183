// Browser side of the Batch Prediction panel: quality cards, then the regression plots. Text only.
import './l10nSetup'; // first: the page's translation, before any other module runs
import * as l10n from '@vscode/l10n';
import './plotCharts'; // Chart.js's parts, registered before any chart is drawn
import type { Chart } from 'chart.js';
import type { BatchPredictionModel, FromWebview, ToWebview } from '../protocol/batchPrediction';
import { el, fmt, heapBytes, notice, onThemeChange, panelApi } from './page';
import { predictedVsActual } from './predictedVsActual';

const vscode = panelApi<FromWebview>();
const app = document.getElementById('app') as HTMLElement;
let charts: Chart[] = [];

function render(model: BatchPredictionModel): void {
  const started = performance.now();
  draw(model);
  // After the frame is painted: what the user waits for (the benchmark reads it).
  requestAnimationFrame(() =>
    vscode.postMessage({
      type: 'rendered',
      ms: Math.round((performance.now() - started) * 10) / 10,
      points: model.actual?.length ?? 0,
      heapBytes: heapBytes(),
    }),
  );
}

function draw(model: BatchPredictionModel): void {
  for (const c of charts) c.destroy();
  charts = [];
  const open = el('a', { text: model.predictionsFile });
  open.href = '#';
  open.addEventListener('click', (e) => {
    e.preventDefault();
    vscode.postMessage({ type: 'openPredictions' });
  });
  app.replaceChildren(
    el(
      'header',
      {},
      el('h1', { text: l10n.t('Batch prediction · {0}', model.endpointName) }),
      el('p', {
        className: 'muted',
        text: l10n.t('{0} of {1} rows of {2} predicted', model.predictedRows, model.rows, model.inputFile),
      }),
    ),
    el('p', {}, el('span', { text: `${l10n.t('Predictions:')} ` }), open),
  );
  if (model.predictedRows < model.rows) app.append(notice('warning', model.message));
  if (model.metrics.length === 0) {
    app.append(
      el('p', {
        className: 'muted',
        text: l10n.t('No label column was chosen, so there is nothing to compare the predictions with.'),
      }),
    );
    return;
  }
  const cards = el('div', { className: 'cards' });
  for (const m of model.metrics) {
    cards.append(
      el(
        'div',
        { className: 'card' },
        el('div', { className: 'card-name', text: m.name }),
        el('div', {
          className: 'card-value',
          text: m.name === 'accuracy' ? `${(m.value * 100).toFixed(1)}%` : fmt(m.value),
        }),
      ),
    );
  }
  app.append(
    el(
      'section',
      {},
      el('h2', { text: model.kind === 'classification' ? l10n.t('Accuracy') : l10n.t('Error') }),
      cards,
    ),
  );
  if (model.actual && model.predicted && model.actual.length > 0) {
    const section = el('section', { className: 'plots' });
    const drawn = predictedVsActual(model.actual, model.predicted, l10n.t('rows'));
    section.append(...drawn.figures);
    charts.push(...drawn.charts);
    app.append(section);
  }
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  if (event.data.type === 'model') {
    vscode.setState(event.data.model);
    render(event.data.model);
  }
});

onThemeChange(() => {
  const state = vscode.getState() as BatchPredictionModel | undefined;
  if (state) render(state);
});
const saved = vscode.getState() as BatchPredictionModel | undefined;
if (saved) render(saved);
vscode.postMessage({ type: 'ready' });
