// Browser side of the Autopilot leaderboard: a virtualised table (only the rows in view are in the DOM, so
// 2,000 candidates scroll smoothly) sortable by any column and filtered by text and status, the selected
// candidate's details, and two charts (objective per candidate, objective over time of discovery).
// Everything from AWS is put on the page as text.
import './l10nSetup'; // first: the page's translation, before any other module runs
import * as l10n from '@vscode/l10n';
import './plotCharts'; // Chart.js's parts, registered before any chart is drawn
import { Chart } from 'chart.js';
import type { FromWebview, LeaderboardModel, LeaderboardRow, ToWebview } from '../protocol/leaderboard';
import { vsButton, vsSelect, vsTextfield } from './elements';
import { sortRows } from './leaderboardSort';
import { chartCanvas, chartTheme, el, fmt, notice, onThemeChange, when, heapBytes, panelApi } from './page';

const vscode = panelApi<FromWebview>();
const app = document.getElementById('app') as HTMLElement;
const ROW_HEIGHT = 26;
const BARS = 60;

interface View {
  sortKey: string;
  descending: boolean;
  text: string;
  status: string;
  selected?: string;
}

let model: LeaderboardModel | undefined;
let view: View = { sortKey: 'rank', descending: false, text: '', status: '' };
let charts: Chart[] = [];
let visibleRows: LeaderboardRow[] = [];
let tableBody: HTMLElement | undefined;
let scroller: HTMLElement | undefined;
let header: HTMLElement | undefined;

function save(): void {
  vscode.setState({ model, view });
}

function button(label: string, message: FromWebview, kind = 'secondary', title?: string): HTMLElement {
  return vsButton(label, () => vscode.postMessage(message), { secondary: kind !== 'primary', title });
}

function valueOf(row: LeaderboardRow, key: string): number | string | undefined {
  if (key === 'rank') return row.rank;
  if (key === 'name') return row.name;
  if (key === 'status') return row.status;
  if (key === 'algorithm') return row.algorithm;
  if (key === 'training') return row.trainingSeconds;
  return key === model?.objectiveName ? (row.metrics[key] ?? row.objective) : row.metrics[key];
}

function applyView(): void {
  if (!model) return;
  const text = view.text.trim().toLowerCase();
  const rows = model.rows.filter(
    (r) =>
      (!view.status || r.status === view.status) &&
      (!text || r.name.toLowerCase().includes(text) || r.algorithm.toLowerCase().includes(text)),
  );
  visibleRows = sortRows(rows, (r) => valueOf(r, view.sortKey), view.descending);
  renderRows();
  const count = document.getElementById('count');
  if (count) count.textContent = l10n.t('{0} of {1} candidates', visibleRows.length, model.rows.length);
}

function columns(): Array<{ key: string; label: string; numeric: boolean }> {
  return [
    { key: 'rank', label: '#', numeric: true },
    { key: 'name', label: l10n.t('Candidate'), numeric: false },
    ...(model?.metricNames ?? []).map((m) => ({ key: m, label: m, numeric: true })),
    { key: 'algorithm', label: l10n.t('Algorithm'), numeric: false },
  ];
}

function cell(row: LeaderboardRow, key: string): string {
  const v = valueOf(row, key);
  if (v === undefined) return '—';
  if (key === 'training') return Number(v) < 120 ? l10n.t('{0} s', v) : l10n.t('{0} min', Math.round(Number(v) / 60));
  return typeof v === 'number' && key !== 'rank' ? fmt(v) : String(v);
}

/** Draws only the rows in view (plus a few), positioned inside a full-height spacer. */
function renderRows(): void {
  if (!tableBody || !scroller) return;
  const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - 5);
  const count = Math.ceil(scroller.clientHeight / ROW_HEIGHT) + 10;
  tableBody.style.height = `${visibleRows.length * ROW_HEIGHT}px`;
  const cols = columns();
  const fragment = document.createDocumentFragment();
  for (const [offset, row] of visibleRows.slice(first, first + count).entries()) {
    const index = first + offset;
    const line = el('div', {
      className: `lb-row${row.best ? ' best' : ''}${row.name === view.selected ? ' selected' : ''}`,
    });
    line.setAttribute('role', 'row');
    line.style.top = `${index * ROW_HEIGHT}px`;
    for (const c of cols) {
      const text = c.key === 'name' && row.best ? `★ ${cell(row, c.key)}` : cell(row, c.key);
      const td = el('div', {
        className: `lb-cell${c.numeric ? ' number' : ''} col-${c.key === 'name' ? 'name' : c.key === 'rank' ? 'rank' : 'other'}`,
        text,
        title: c.key === 'name' ? row.name : undefined,
      });
      td.setAttribute('role', 'cell');
      line.append(td);
    }
    line.addEventListener('click', () => {
      view.selected = row.name;
      save();
      renderRows();
      renderDetails();
    });
    fragment.append(line);
  }
  tableBody.replaceChildren(fragment);
}

function renderDetails(): void {
  const pane = document.getElementById('details');
  if (!pane || !model) return;
  const row = model.rows.find((r) => r.name === view.selected) ?? model.rows[0];
  if (!row) {
    pane.replaceChildren(el('p', { className: 'muted', text: l10n.t('No candidate yet.') }));
    return;
  }
  const metrics = el(
    'table',
    { className: 'compare' },
    el(
      'tbody',
      {},
      ...Object.entries(row.metrics).map(([k, v]) =>
        el('tr', {}, el('th', { text: k }), el('td', { className: 'number', text: fmt(v) })),
      ),
    ),
  );
  const containers = el(
    'ol',
    {},
    ...row.containers.map((c) =>
      el(
        'li',
        {},
        el('div', { text: c.image }),
        el('div', { className: 'muted', text: c.modelDataUrl ?? l10n.t('no model data') }),
      ),
    ),
  );
  pane.replaceChildren(
    el('h2', { text: `${row.best ? '★ ' : ''}#${row.rank} ${row.name}` }),
    el('p', {
      className: 'muted',
      text: [
        row.status,
        row.algorithm,
        l10n.t('steps: {0}', row.steps.join(' → ') || '—'),
        l10n.t('created {0}', when(row.created)),
        row.trainingSeconds !== undefined ? l10n.t('trained in {0}', cell(row, 'training')) : undefined,
      ]
        .filter((part) => part !== undefined)
        .join(' · '),
    }),
    el(
      'div',
      { className: 'actions' },
      button(
        l10n.t('Deploy…'),
        { type: 'deploy', candidate: row.name },
        'primary',
        l10n.t('Deploy this candidate to a new endpoint'),
      ),
      button(
        l10n.t('Register…'),
        { type: 'register', candidate: row.name },
        'secondary',
        l10n.t('Register this candidate in a model package group'),
      ),
    ),
    el('h3', { text: l10n.t('Metrics') }),
    metrics,
    el('h3', { text: l10n.t('Inference containers') }),
    containers,
  );
}

function barsCaption(objective: string, maximize: boolean, shown: number, scored: number): string {
  if (shown === scored)
    return maximize
      ? l10n.t('{0} of the {1} candidates (higher is better)', objective, scored)
      : l10n.t('{0} of the {1} candidates (lower is better)', objective, scored);
  return maximize
    ? l10n.t('{0} of the best {1} of {2} candidates (higher is better)', objective, shown, scored)
    : l10n.t('{0} of the best {1} of {2} candidates (lower is better)', objective, shown, scored);
}

function renderCharts(container: HTMLElement): void {
  for (const c of charts) c.destroy();
  charts = [];
  if (!model || model.rows.length === 0) return;
  const { fg, blue, orange, green, scales, legend } = chartTheme();
  const scored = model.rows.filter((r) => r.objective !== undefined);
  const top = scored.slice(0, BARS);
  const bars = chartCanvas(l10n.t('{0} of the best {1} candidates', model.objectiveName, top.length));
  const time = chartCanvas(l10n.t('{0} by time of discovery', model.objectiveName));
  container.append(
    el(
      'figure',
      {},
      el('figcaption', {
        text: barsCaption(model.objectiveName, model.maximize, top.length, scored.length),
      }),
      bars,
    ),
    el(
      'figure',
      {},
      el('figcaption', {
        text: l10n.t('{0} as candidates were found, with the best so far', model.objectiveName),
      }),
      time,
    ),
  );
  charts.push(
    new Chart(bars, {
      type: 'bar',
      data: {
        labels: top.map((r) => `#${r.rank}`),
        datasets: [
          {
            label: model.objectiveName,
            data: top.map((r) => r.objective!),
            backgroundColor: top.map((r) => (r.best ? green : blue)),
          },
        ],
      },
      options: {
        animation: false,
        scales: { x: { ...scales.x, ticks: { ...scales.x.ticks, autoSkip: true, maxTicksLimit: 20 } }, y: scales.y },
        plugins: { legend: { display: false } },
      },
    }),
  );
  const byTime = [...scored].sort((a, b) => a.created.localeCompare(b.created));
  const start = byTime.length ? new Date(byTime[0].created).getTime() : 0;
  let best: number | undefined;
  const bestLine = byTime.map((r) => {
    best =
      best === undefined ? r.objective! : model!.maximize ? Math.max(best, r.objective!) : Math.min(best, r.objective!);
    return { x: (new Date(r.created).getTime() - start) / 60_000, y: best };
  });
  charts.push(
    new Chart(time, {
      type: 'scatter',
      data: {
        datasets: [
          {
            label: l10n.t('candidate'),
            data: byTime.map((r) => ({ x: (new Date(r.created).getTime() - start) / 60_000, y: r.objective! })),
            backgroundColor: blue,
            pointRadius: 2,
          },
          {
            type: 'line',
            label: l10n.t('best so far'),
            data: bestLine,
            borderColor: orange,
            pointRadius: 0,
            stepped: true,
          },
        ],
      },
      options: {
        animation: false,
        parsing: false,
        scales: {
          x: { ...scales.x, title: { display: true, text: l10n.t('minutes since the first candidate'), color: fg } },
          y: scales.y,
        },
        plugins: { legend, decimation: { enabled: true, algorithm: 'lttb' } },
      },
    }),
  );
}

/** The best candidate's feature importance (SHAP) from its explainability report. */
function explainability(container: HTMLElement): void {
  const e = model?.explainability;
  if (!e) return;
  const section = el('section', {}, el('h2', { text: l10n.t('Explainability of the best candidate') }));
  const open = vsButton(l10n.t('Open analysis.json'), () => vscode.postMessage({ type: 'openExplainability' }), {
    secondary: true,
    title: e.location,
  });
  section.append(el('div', { className: 'actions' }, open, el('span', { className: 'muted', text: e.location })));
  if (e.problem) section.append(notice('warning', e.problem));
  if (e.features?.length) {
    const { blue, scales } = chartTheme();
    const canvas = chartCanvas(l10n.t('Feature importance of the best candidate'));
    section.append(
      el(
        'figure',
        { className: 'narrow' },
        el('figcaption', { text: l10n.t('Feature importance (mean |SHAP value|)') }),
        canvas,
      ),
    );
    charts.push(
      new Chart(canvas, {
        type: 'bar',
        data: {
          labels: e.features.map((f) => f.feature),
          datasets: [{ label: l10n.t('mean |SHAP|'), data: e.features.map((f) => f.value), backgroundColor: blue }],
        },
        options: { animation: false, indexAxis: 'y', scales, plugins: { legend: { display: false } } },
      }),
    );
  }
  container.append(section);
}

/** The best candidate's model quality report: its validation metrics as cards. */
function modelQuality(container: HTMLElement): void {
  const q = model?.modelQuality;
  if (!q) return;
  const section = el('section', {}, el('h2', { text: l10n.t('Model quality of the best candidate') }));
  section.append(
    el(
      'div',
      { className: 'actions' },
      vsButton(l10n.t('Open report.json'), () => vscode.postMessage({ type: 'openModelQuality' }), {
        secondary: true,
        title: q.location,
      }),
      el('span', { className: 'muted', text: q.location }),
    ),
  );
  if (q.problem) section.append(notice('warning', q.problem));
  if (q.metrics?.length) {
    section.append(
      el(
        'div',
        { className: 'cards' },
        ...q.metrics.map((m) =>
          el(
            'div',
            { className: 'card' },
            el('div', { className: 'card-name', text: m.name }),
            el('div', { className: 'card-value', text: fmt(m.value) }),
          ),
        ),
      ),
    );
  }
  container.append(section);
}

/** The column headers: the sorted one with its arrow, each a button that sorts by it. */
function renderHeader(): void {
  if (!header || !model) return;
  const m = model;
  // The header a keyboard user sorted with keeps the focus when the headers are redrawn.
  const focused = header.contains(document.activeElement)
    ? (document.activeElement as HTMLElement).dataset.key
    : undefined;
  const cells: HTMLElement[] = [];
  for (const c of columns()) {
    const arrow = view.sortKey === c.key ? (view.descending ? ' ▼' : ' ▲') : '';
    const isObjective = c.key === m.objectiveName;
    const th = el('button', {
      // l10n-exempt: CSS class names
      className: `lb-cell lb-sort${c.numeric ? ' number' : ''} col-${c.key === 'name' ? 'name' : c.key === 'rank' ? 'rank' : 'other'}${isObjective ? ' objective' : ''}`,
      text: `${c.label}${arrow}`,
      title: isObjective
        ? m.maximize
          ? l10n.t('{0}: the objective (higher is better)', c.label)
          : l10n.t('{0}: the objective (lower is better)', c.label)
        : c.label,
    });
    th.dataset.key = c.key;
    th.setAttribute('role', 'columnheader');
    th.setAttribute('aria-sort', view.sortKey === c.key ? (view.descending ? 'descending' : 'ascending') : 'none');
    th.addEventListener('click', () => {
      view = {
        ...view,
        descending:
          view.sortKey === c.key
            ? !view.descending
            : c.numeric && c.key !== 'rank' && c.key !== 'training'
              ? m.maximize
              : false,
        sortKey: c.key,
      };
      save();
      sort();
    });
    cells.push(th);
  }
  header.replaceChildren(...cells);
  cells.find((th) => th.dataset.key === focused)?.focus();
}

/** A new order changes only the headers and the rows in view (the charts do not depend on it). */
function sort(): void {
  if (!model) return;
  const started = performance.now();
  renderHeader();
  if (scroller) scroller.scrollTop = 0; // a new order starts at its top
  applyView();
  vscode.postMessage({
    type: 'rendered',
    what: 'sort',
    ms: Math.round((performance.now() - started) * 10) / 10,
    rows: model.rows.length,
    heapBytes: heapBytes(),
  });
}

function render(): void {
  if (!model) return;
  const started = performance.now();
  const m = model;
  const statuses = [...new Set(m.rows.map((r) => r.status))];
  const filter = vsTextfield(l10n.t('Filter by candidate or algorithm'), view.text, (value) => {
    view.text = value;
    save();
    applyView();
  });
  const status = vsSelect(
    l10n.t('Filter by status'),
    ['', ...statuses].map((s) => ({ value: s, text: s || l10n.t('All statuses') })),
    view.status,
    (value) => {
      view.status = value;
      save();
      applyView();
    },
  );
  header = el('div', { className: 'lb-row lb-head' }); // l10n-exempt: CSS class names
  header.setAttribute('role', 'row');
  renderHeader();
  scroller = el('div', { className: 'lb-scroll' });
  scroller.setAttribute('role', 'table');
  scroller.setAttribute('aria-label', l10n.t('Candidates of {0}', m.jobName));
  tableBody = el('div', { className: 'lb-body' });

  scroller.append(tableBody);
  scroller.addEventListener('scroll', () => renderRows());
  const elapsed =
    m.elapsedSeconds !== undefined
      ? l10n.t('{0} h {1} min', Math.floor(m.elapsedSeconds / 3600), Math.round((m.elapsedSeconds % 3600) / 60))
      : undefined;
  const plots = el('section', { className: 'plots' });
  app.replaceChildren(
    el(
      'header',
      {},
      el('h1', { text: m.jobName }),
      el('p', {
        className: 'muted',
        text: [
          m.status,
          m.secondaryStatus,
          m.problemType,
          m.maximize
            ? l10n.t('objective {0} (maximize)', m.objectiveName)
            : l10n.t('objective {0} (minimize)', m.objectiveName),
          elapsed && l10n.t('elapsed {0}', elapsed),
          l10n.t('read {0}', when(m.loadedAt)),
        ]
          .filter(Boolean)
          .join(' · '),
      }),
    ),
    ...(m.failureReason ? [notice('error', m.failureReason)] : []),
    ...(m.notice ? [el('div', { className: `notice ${m.notice.kind}`, text: m.notice.text })] : []),
    el(
      'div',
      { className: 'actions' },
      button(l10n.t('Refresh'), { type: 'refresh' }),
      button(l10n.t('Export CSV…'), { type: 'exportCsv' }),
      m.notebooks.dataExploration
        ? button(l10n.t('Data exploration notebook'), { type: 'openNotebook', which: 'dataExploration' })
        : undefined,
      m.notebooks.candidateDefinition
        ? button(l10n.t('Candidate definition notebook'), { type: 'openNotebook', which: 'candidateDefinition' })
        : undefined,
    ),
    el('div', { className: 'lb-tools' }, filter, status, el('span', { className: 'muted', text: '' })),
    el(
      'div',
      { className: 'lb-layout' },
      el('div', { className: 'lb-table' }, header, scroller),
      el('aside', { className: 'lb-details' }),
    ),
    plots,
  );
  (app.querySelector('.lb-tools .muted') as HTMLElement).id = 'count';
  (app.querySelector('.lb-details') as HTMLElement).id = 'details';
  applyView();
  renderDetails();
  renderCharts(plots);
  modelQuality(app);
  explainability(app);
  vscode.postMessage({
    type: 'rendered',
    what: 'model',
    ms: Math.round((performance.now() - started) * 10) / 10,
    rows: model.rows.length,
    heapBytes: heapBytes(),
  });
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'model') {
    model = message.model;
    save();
    render();
  } else if (message.type === 'sort') {
    if (!model || !columns().some((c) => c.key === message.key)) return;
    view = { ...view, sortKey: message.key, descending: message.descending === true };
    save();
    sort();
  } else {
    document.body.classList.toggle('busy', message.busy);
  }
});

onThemeChange(() => render());
const saved = vscode.getState() as { model?: LeaderboardModel; view?: View } | undefined;
if (saved?.model) {
  model = saved.model;
  view = saved.view ?? view;
  render();
}
vscode.postMessage({ type: 'ready' });
