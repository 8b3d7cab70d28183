// Browser side of the AutoGluon results panel: evaluation cards, the leaderboard (sortable, best starred)
// and a chart of validation and test scores per model. Everything from the archive is text.
import './l10nSetup'; // first: the page's translation, before any other module runs
import * as l10n from '@vscode/l10n';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { AutoGluonModelRow } from '../../model/autoGluonResults';
import type { AutoGluonModel, FromWebview, ToWebview } from '../protocol/autoGluon';
import { vsButton } from './elements';
import { chartCanvas, chartTheme, el, fmt, onThemeChange, when, panelApi } from './page';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, Tooltip);

const vscode = panelApi<FromWebview>();
const app = document.getElementById('app') as HTMLElement;
let charts: Chart[] = [];
let model: AutoGluonModel | undefined;
let sort: { key: keyof AutoGluonModelRow; descending: boolean } = { key: 'scoreVal', descending: true };

// AutoGluon's own column names, but for the model's.
const columns = (): Array<{ key: keyof AutoGluonModelRow; label: string }> => [
  { key: 'model', label: l10n.t('Model') },
  { key: 'scoreVal', label: 'score_val' },
  { key: 'scoreTest', label: 'score_test' },
  { key: 'fitTime', label: 'fit_time (s)' },
  { key: 'predTimeVal', label: 'pred_time_val (s)' },
  { key: 'predTimeTest', label: 'pred_time_test (s)' },
  { key: 'stackLevel', label: 'stack_level' },
];

function render(): void {
  for (const c of charts) c.destroy();
  charts = [];
  if (!model) return;
  const m = model;
  const rows = [...m.rows].sort((a, b) => {
    const x = a[sort.key];
    const y = b[sort.key];
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    return (x < y ? -1 : x > y ? 1 : 0) * (sort.descending ? -1 : 1);
  });
  const COLUMNS = columns();
  const head = el(
    'tr',
    {},
    ...COLUMNS.map((c) => {
      const th = el('th', { className: c.key === 'model' ? '' : 'number' });
      const b = el('button', {
        className: 'lb-sort',
        text: `${c.label}${sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}`,
      });
      th.setAttribute('aria-sort', sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none');
      b.addEventListener('click', () => {
        sort = {
          key: c.key,
          descending: sort.key === c.key ? !sort.descending : c.key !== 'model' && !/time/i.test(c.key),
        };
        vscode.setState({ model, sort });
        render();
      });
      th.append(b);
      return th;
    }),
  );
  const body = el(
    'tbody',
    {},
    ...rows.map((r) =>
      el(
        'tr',
        { className: r.best ? 'best' : '' },
        ...COLUMNS.map((c) => {
          const v = r[c.key];
          // A model name longer than a column is clipped to one line, whole in its tooltip.
          if (c.key === 'model')
            return el('td', { className: 'clip', text: `${r.best ? '★ ' : ''}${r.model}`, title: r.model });
          return el('td', { className: 'number', text: typeof v === 'number' ? fmt(v) : '—' });
        }),
      ),
    ),
  );
  const artefact = m.artefact || l10n.t('no artefact');
  const source = m.objectBytes
    ? l10n.t(
        'read {0} of {1} bytes of {2}',
        (m.bytesRead ?? 0).toLocaleString('en-US'),
        m.objectBytes.toLocaleString('en-US'),
        artefact,
      )
    : artefact;
  app.replaceChildren(
    el(
      'header',
      {},
      el('h1', { text: `AutoGluon · ${m.jobName}` }),
      el('p', { className: 'muted', text: `${source} · ${when(m.loadedAt)}` }),
    ),
    ...(m.notice ? [el('div', { className: `notice ${m.notice.kind}`, text: m.notice.text })] : []),
    el(
      'div',
      { className: 'actions' },
      vsButton(l10n.t('Refresh'), () => vscode.postMessage({ type: 'refresh' }), { secondary: true }),
      vsButton(l10n.t('Open SummaryOfModels.html'), () => vscode.postMessage({ type: 'openSummary' }), {
        secondary: true,
        title: l10n.t("AutoGluon's fit summary page, shown with scripts off"),
      }),
    ),
  );
  if (m.evaluation.length)
    app.append(
      el(
        'section',
        {},
        el('h2', { text: 'Model_Evaluation.txt' }),
        el(
          'div',
          { className: 'cards' },
          ...m.evaluation.map((e) =>
            el(
              'div',
              { className: 'card' },
              el('div', { className: 'card-name', text: e.name }),
              el('div', { className: 'card-value', text: fmt(e.value) }),
            ),
          ),
        ),
      ),
    );
  if (m.rows.length) {
    app.append(
      el(
        'section',
        {},
        el('h2', { text: l10n.t('Leaderboard.csv ({0} models)', m.rows.length) }),
        el('div', { className: 'table-scroll' }, el('table', { className: 'versions' }, el('thead', {}, head), body)),
      ),
    );
    const { blue, orange, scales, legend } = chartTheme();
    const canvas = chartCanvas(l10n.t('Validation and test scores per model'));
    app.append(
      el(
        'section',
        { className: 'narrow' },
        el('figure', {}, el('figcaption', { text: l10n.t('Scores per model (higher is better)') }), canvas),
      ),
    );
    charts.push(
      new Chart(canvas, {
        type: 'bar',
        data: {
          labels: m.rows.map((r) => r.model),
          datasets: [
            { label: 'score_val', data: m.rows.map((r) => r.scoreVal ?? NaN), backgroundColor: blue },
            { label: 'score_test', data: m.rows.map((r) => r.scoreTest ?? NaN), backgroundColor: orange },
          ],
        },
        options: { animation: false, indexAxis: 'y', scales, plugins: { legend } },
      }),
    );
  }
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  if (event.data.type === 'model') {
    model = event.data.model;
    vscode.setState({ model, sort });
    render();
  }
});

onThemeChange(() => render());
const saved = vscode.getState() as { model?: AutoGluonModel; sort?: typeof sort } | undefined;
if (saved?.model) {
  model = saved.model;
  sort = saved.sort ?? sort;
  render();
}
vscode.postMessage({ type: 'ready' });
