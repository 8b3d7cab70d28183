// Browser side of the Model Group panel: the versions table (tick two to compare), the comparison, and one
// chart per metric across versions, points coloured by approval status. Everything from AWS is text.
import './l10nSetup'; // first: the page's translation, before any other module runs
import * as l10n from '@vscode/l10n';
import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { FromWebview, ModelGroupModel, ToWebview, VersionRow } from '../protocol/modelGroup';
import { chartCanvas, chartTheme, el, fmt, onThemeChange, when, panelApi } from './page';
import { metricDelta } from './releaseReviewCharts';

Chart.register(CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

const vscode = panelApi<FromWebview>();
const app = document.getElementById('app') as HTMLElement;
let charts: Chart[] = [];
let model: ModelGroupModel | undefined;
let selected: string[] = [];
let busy = false;

function button(
  label: string,
  message: FromWebview,
  kind: 'primary' | 'secondary' | 'danger',
  title?: string,
): HTMLButtonElement {
  const b = el('button', { className: `button ${kind} small`, text: label, title });
  b.disabled = busy;
  b.addEventListener('click', () => vscode.postMessage(message));
  return b;
}

const metricNames = (versions: VersionRow[]) => [...new Set(versions.flatMap((v) => v.metrics.map((m) => m.name)))];
const valueOf = (v: VersionRow, name: string) => v.metrics.find((m) => m.name === name)?.value;

function versionsTable(m: ModelGroupModel, names: string[]): HTMLElement {
  const head = el(
    'tr',
    {},
    el('th', { text: l10n.t('Compare') }),
    el('th', { text: l10n.t('Version') }),
    el('th', { text: l10n.t('Status') }),
    el('th', { text: l10n.t('Created') }),
    el('th', { text: l10n.t('Created by') }),
    ...names.map((n) => el('th', { className: 'number', text: n.toUpperCase() })),
    el('th', { text: '' }),
  );
  const body = el('tbody');
  for (const v of m.versions) {
    const tick = el('input');
    tick.type = 'checkbox';
    tick.checked = selected.includes(v.arn);
    tick.setAttribute('aria-label', l10n.t('Compare version {0}', v.version));
    tick.addEventListener('change', () => {
      selected = tick.checked
        ? [...selected.filter((a) => a !== v.arn), v.arn].slice(-2)
        : selected.filter((a) => a !== v.arn);
      vscode.setState({ model, selected });
      render();
    });
    const actions = el(
      'td',
      { className: 'row-actions' },
      v.status !== 'Approved' ? button(l10n.t('Approve…'), { type: 'approve', arn: v.arn }, 'primary') : undefined,
      v.status !== 'Rejected' ? button(l10n.t('Reject…'), { type: 'reject', arn: v.arn }, 'danger') : undefined,
      button(
        l10n.t('Deploy…'),
        { type: 'deploy', arn: v.arn },
        'secondary',
        l10n.t('Deploy this version to a new endpoint'),
      ),
    );
    body.append(
      el(
        'tr',
        {
          title: [v.description, v.approvalDescription && l10n.t('Approval: {0}', v.approvalDescription)]
            .filter(Boolean)
            .join('\n'),
        },
        el('td', {}, tick),
        el('td', { text: `v${v.version}` }),
        el('td', { className: `status ${v.status}`, text: v.status }),
        el('td', { text: when(v.created) }),
        // Clipped to one line (the full text in its tooltip and in Compare): a long creator must not squeeze the table.
        el('td', { className: 'clip', text: v.createdBy ?? '—', title: v.createdBy ?? '' }),
        ...names.map((n) => {
          const value = valueOf(v, n);
          return el('td', {
            className: 'number',
            text: value === undefined ? (v.metricsError && n === names[0] ? v.metricsError : '—') : fmt(value),
          });
        }),
        actions,
      ),
    );
  }
  // Many metrics do not fit a narrow panel: the table scrolls sideways, the page keeps its width.
  return el('div', { className: 'table-scroll' }, el('table', { className: 'versions' }, el('thead', {}, head), body));
}

function comparison(m: ModelGroupModel, names: string[]): HTMLElement {
  const section = el('section', {}, el('h2', { text: l10n.t('Compare') }));
  const [a, b] = selected
    .map((arn) => m.versions.find((v) => v.arn === arn))
    .filter((v): v is VersionRow => !!v)
    .sort((x, y) => x.version - y.version);
  if (!a || !b) {
    section.append(el('p', { className: 'muted', text: l10n.t('Tick two versions to compare them side by side.') }));
    return section;
  }
  const rows = [
    [l10n.t('Status'), a.status, b.status, ''],
    [l10n.t('Created'), when(a.created), when(b.created), ''],
    [l10n.t('Created by'), a.createdBy ?? '—', b.createdBy ?? '—', ''],
    ...names.map((n) => {
      const x = valueOf(a, n);
      const y = valueOf(b, n);
      return [
        n.toUpperCase(),
        x === undefined ? '—' : fmt(x),
        y === undefined ? '—' : fmt(y),
        x !== undefined && y !== undefined ? n : '',
      ];
    }),
    [l10n.t('Approval note'), a.approvalDescription ?? '—', b.approvalDescription ?? '—', ''],
  ];
  const body = el('tbody');
  for (const [label, x, y, metric] of rows) {
    const delta = metric ? metricDelta(metric, valueOf(b, metric)!, valueOf(a, metric)!) : undefined;
    body.append(
      el(
        'tr',
        {},
        el('th', { text: label }),
        el('td', { text: x }),
        el('td', { text: y }),
        el('td', {
          className: `card-delta ${delta?.better ? 'better' : delta?.worse ? 'worse' : ''}`,
          text: delta ? l10n.t('{0} (v{1} vs v{2})', delta.text, b.version, a.version) : '',
        }),
      ),
    );
  }
  section.append(
    el(
      'table',
      { className: 'compare' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { text: '' }),
          el('th', { text: `v${a.version}` }),
          el('th', { text: `v${b.version}` }),
          el('th', { text: l10n.t('Change') }),
        ),
      ),
      body,
    ),
  );
  return section;
}

function metricCharts(m: ModelGroupModel, names: string[]): HTMLElement {
  const section = el('section', { className: 'plots' });
  const { fg, blue, green, red, orange, scales } = chartTheme();
  const ordered = [...m.versions].sort((a, b) => a.version - b.version);
  const colour = (status: string) => (status === 'Approved' ? green : status === 'Rejected' ? red : orange);
  for (const name of names.slice(0, 6)) {
    const points = ordered.filter((v) => valueOf(v, name) !== undefined);
    if (points.length === 0) continue;
    const canvas = chartCanvas(l10n.t('{0} across versions', name));
    section.append(
      el(
        'figure',
        {},
        el('figcaption', {
          text: l10n.t('{0} by version (green approved, red rejected, orange pending)', name.toUpperCase()),
        }),
        canvas,
      ),
    );
    charts.push(
      new Chart(canvas, {
        type: 'line',
        data: {
          labels: points.map((v) => `v${v.version}`),
          datasets: [
            {
              label: name,
              data: points.map((v) => valueOf(v, name)!),
              borderColor: blue,
              pointBackgroundColor: points.map((v) => colour(v.status)),
              pointBorderColor: points.map((v) => colour(v.status)),
              pointRadius: 5,
            },
          ],
        },
        options: {
          animation: false,
          scales: { x: scales.x, y: { ...scales.y, title: { display: true, text: name, color: fg } } },
          plugins: { legend: { display: false } },
        },
      }),
    );
  }
  if (charts.length === 0)
    section.append(el('p', { className: 'muted', text: l10n.t('No version has registered model quality metrics.') }));
  return section;
}

function render(): void {
  for (const c of charts) c.destroy();
  charts = [];
  if (!model) return;
  const m = model;
  const names = metricNames(m.versions);
  app.replaceChildren(
    el(
      'header',
      {},
      el('h1', { text: m.group }),
      m.description ? el('p', { className: 'question', text: m.description }) : undefined,
      el('p', {
        className: 'muted',
        text: l10n.t(
          '{0} versions · {1} · read {2}',
          `${m.versions.length}${m.hasMore ? '+' : ''}`,
          m.region,
          when(m.loadedAt),
        ),
      }),
    ),
  );
  if (m.notice) app.append(el('div', { className: `notice ${m.notice.kind}`, text: m.notice.text }));
  app.append(
    el(
      'div',
      { className: 'actions' },
      button(l10n.t('Refresh'), { type: 'refresh' }, 'secondary'),
      m.hasMore ? button(l10n.t('Load older versions'), { type: 'loadMore' }, 'secondary') : undefined,
    ),
  );
  app.append(el('section', {}, el('h2', { text: l10n.t('Versions') }), versionsTable(m, names)));
  app.append(comparison(m, names));
  app.append(el('section', {}, el('h2', { text: l10n.t('Metrics across versions') }), metricCharts(m, names)));
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'model') {
    model = message.model;
    selected = selected.filter((arn) => model!.versions.some((v) => v.arn === arn));
    vscode.setState({ model, selected });
    render();
  } else {
    busy = message.busy;
    document.body.classList.toggle('busy', busy);
    for (const b of Array.from(document.querySelectorAll('button'))) b.disabled = busy;
  }
});

onThemeChange(() => render());
const saved = vscode.getState() as { model?: ModelGroupModel; selected?: string[] } | undefined;
if (saved?.model) {
  model = saved.model;
  selected = saved.selected ?? [];
  render();
}
vscode.postMessage({ type: 'ready' });
