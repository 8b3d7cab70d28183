// Browser side of the training job comparison: a table with one column per job (rows where the jobs
// differ are highlighted, optionally the only ones shown) and a bar chart of the metrics they share.
import './l10nSetup'; // first: the page's translation, before any other module runs
import * as l10n from '@vscode/l10n';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ComparisonModel, FromWebview, ToWebview } from '../protocol/trainingComparison';
import { vsButton } from './elements';
import { chartCanvas, chartTheme, el, onThemeChange, when, panelApi } from './page';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, Tooltip);

const vscode = panelApi<FromWebview>();
const app = document.getElementById('app') as HTMLElement;
let charts: Chart[] = [];
let model: ComparisonModel | undefined;
let onlyDifferences = false;

function render(): void {
  for (const c of charts) c.destroy();
  charts = [];
  if (!model) return;
  const m = model;
  const differing = m.rows.filter((r) => r.differs).length;
  const head = el(
    'tr',
    {},
    el('th', { text: '' }),
    ...m.jobs.map((j) => {
      const th = el('th');
      const link = el('button', { className: 'lb-sort', text: j.name, title: l10n.t('Open {0}', j.name) });
      link.addEventListener('click', () => vscode.postMessage({ type: 'openJob', jobName: j.name }));
      th.append(link, el('div', { className: `status ${j.status}`, text: j.status }));
      return th;
    }),
  );
  const body = el('tbody');
  let section = '';
  for (const r of m.rows.filter((x) => !onlyDifferences || x.differs)) {
    if (r.section !== section) {
      section = r.section;
      const cell = el('th', { text: section });
      cell.colSpan = m.jobs.length + 1;
      body.append(el('tr', {}, cell));
    }
    body.append(
      el(
        'tr',
        {},
        el('td', { className: 'mono', text: r.name }),
        ...r.values.map((v) => el('td', { className: `mono${r.differs ? ' diff' : ''}`, text: v ?? '—' })),
      ),
    );
  }
  const toggle = vsButton(
    onlyDifferences ? l10n.t('Show all rows') : l10n.t('Show only differences'),
    () => {
      onlyDifferences = !onlyDifferences;
      vscode.setState({ model, onlyDifferences });
      render();
    },
    { secondary: true },
  );
  app.replaceChildren(
    el(
      'header',
      {},
      el('h1', { text: l10n.t('Compare {0} training jobs', m.jobs.length) }),
      el('p', {
        className: 'muted',
        text: l10n.t('{0} of {1} rows differ (highlighted) · {2}', differing, m.rows.length, when(m.loadedAt)),
      }),
    ),
    ...(m.notice ? [el('div', { className: `notice ${m.notice.kind}`, text: m.notice.text })] : []),
    el(
      'div',
      { className: 'actions' },
      vsButton(l10n.t('Refresh'), () => vscode.postMessage({ type: 'refresh' }), { secondary: true }),
      toggle,
    ),
    el('section', {}, el('table', { className: 'compare' }, el('thead', {}, head), body)),
  );
  if (m.shared.length) {
    const { scales, legend, blue, orange, green, red } = chartTheme();
    const colours = [blue, orange, green, red];
    const canvas = chartCanvas(l10n.t('Final metrics every job reported'));
    app.append(
      el(
        'section',
        { className: 'narrow' },
        el('figure', {}, el('figcaption', { text: l10n.t('Final metrics every job reported') }), canvas),
      ),
    );
    charts.push(
      new Chart(canvas, {
        type: 'bar',
        data: {
          labels: m.shared.map((s) => s.name),
          datasets: m.jobs.map((j, i) => ({
            label: j.name,
            data: m.shared.map((s) => s.values[i]),
            backgroundColor: colours[i % colours.length],
          })),
        },
        options: { animation: false, scales, plugins: { legend } },
      }),
    );
  } else if (m.jobs.length) {
    app.append(el('p', { className: 'muted', text: l10n.t('The jobs share no final metric to chart.') }));
  }
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  if (event.data?.type === 'model') {
    model = event.data.model;
    vscode.setState({ model, onlyDifferences });
    render();
  }
});

onThemeChange(() => render());
const saved = vscode.getState() as { model?: ComparisonModel; onlyDifferences?: boolean } | undefined;
if (saved?.model) {
  model = saved.model;
  onlyDifferences = saved.onlyDifferences ?? false;
  render();
}
vscode.postMessage({ type: 'ready' });
