// Browser side of the training job panel: status, facts, the secondary-status timeline, final metrics,
// metric curves, hyperparameters and the newest log lines. Everything from AWS is set as text.
import './l10nSetup'; // first: the page's translation, before any other module runs
import * as l10n from '@vscode/l10n';
import {
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { FromWebview, ToWebview, TrainingJobModel } from '../protocol/trainingJob';
import { vsButton } from './elements';
import { chartCanvas, chartTheme, el, fmt, onThemeChange, when, panelApi } from './page';

Chart.register(CategoryScale, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip);

const vscode = panelApi<FromWebview>();
const app = document.getElementById('app') as HTMLElement;
let charts: Chart[] = [];
let model: TrainingJobModel | undefined;

const MAX_POINTS = 2_000;

function duration(seconds?: number): string {
  if (seconds === undefined) return '—';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round(seconds % 60);
  return [h ? l10n.t('{0} h', h) : '', m ? l10n.t('{0} min', m) : '', l10n.t('{0} s', s)].filter(Boolean).join(' ');
}

/** Every n-th point, so a long log still draws quickly; the last point is always kept. */
function thin<T>(points: T[]): T[] {
  if (points.length <= MAX_POINTS) return points;
  const step = Math.ceil(points.length / MAX_POINTS);
  return points.filter((_, i) => i % step === 0 || i === points.length - 1);
}

function facts(m: TrainingJobModel): HTMLElement {
  const compute = m.compute ?? '—';
  const billable = duration(m.billableSeconds);
  // [label, value, monospaced]
  const rows: Array<[string, string, boolean]> = [
    [l10n.t('Image'), m.image ?? '—', true],
    [l10n.t('Compute'), m.spot ? l10n.t('{0} · managed spot', compute) : compute, false],
    [l10n.t('Created'), when(m.createdAt), false],
    [l10n.t('Ended'), when(m.endedAt), false],
    [l10n.t('Training time'), duration(m.trainingSeconds), false],
    [
      l10n.t('Billable time'),
      m.spot && m.trainingSeconds && m.billableSeconds !== undefined
        ? l10n.t('{0} ({1}% saved by spot)', billable, Math.round((1 - m.billableSeconds / m.trainingSeconds) * 100))
        : billable,
      false,
    ],
    [l10n.t('Model artefact'), m.artefact ?? '—', true],
  ];
  return el(
    'table',
    { className: 'facts' },
    el(
      'tbody',
      {},
      ...rows.map(([k, v, mono]) =>
        el('tr', {}, el('th', { text: k }), el('td', { className: mono ? 'mono' : '', text: v })),
      ),
    ),
  );
}

function timeline(m: TrainingJobModel): HTMLElement {
  const body = el(
    'tbody',
    {},
    ...m.transitions.map((t) => {
      const seconds = t.end ? (Date.parse(t.end) - Date.parse(t.start)) / 1000 : undefined;
      return el(
        'tr',
        {},
        el('td', {}, el('span', { className: `status ${t.status}`, text: t.status })),
        el('td', { text: when(t.start) }),
        el('td', { className: 'number', text: t.end ? duration(seconds) : l10n.t('now') }),
        el('td', { text: t.message ?? '' }),
      );
    }),
  );
  return el(
    'table',
    {},
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { text: l10n.t('Status') }),
        el('th', { text: l10n.t('Started') }),
        el('th', { className: 'number', text: l10n.t('Took') }),
        el('th', { text: l10n.t('Message') }),
      ),
    ),
    body,
  );
}

function render(): void {
  for (const c of charts) c.destroy();
  charts = [];
  if (!model) return;
  const m = model;
  const running = m.status === 'InProgress';
  const actions = el(
    'div',
    { className: 'actions' },
    vsButton(l10n.t('Refresh'), () => vscode.postMessage({ type: 'refresh' }), { secondary: true }),
    vsButton(l10n.t('Open log in editor'), () => vscode.postMessage({ type: 'openLog' }), {
      secondary: true,
      title: l10n.t('Follow /aws/sagemaker/TrainingJobs in an editor'),
    }),
    vsButton(l10n.t('Clone job…'), () => vscode.postMessage({ type: 'clone' }), {
      secondary: true,
      title: l10n.t('Start a new job with these settings'),
    }),
  );
  if (m.autoGluon && m.status === 'Completed')
    actions.append(vsButton(l10n.t('AutoGluon leaderboard'), () => vscode.postMessage({ type: 'openAutoGluon' })));
  if (running)
    actions.append(
      vsButton(l10n.t('Stop job…'), () => vscode.postMessage({ type: 'stop' }), {
        title: l10n.t('Asks before stopping'),
      }),
    );
  app.replaceChildren(
    el(
      'header',
      {},
      el(
        'h1',
        {},
        el('span', { text: `${l10n.t('Training job · {0}', m.jobName)} ` }),
        el('span', {
          className: `status ${m.status}`,
          text: m.secondaryStatus && m.secondaryStatus !== m.status ? `${m.status} · ${m.secondaryStatus}` : m.status,
        }),
      ),
      el('p', {
        className: 'muted',
        text: running
          ? l10n.t(
              'following while it runs · {0} log lines read · {1}',
              m.logLines.toLocaleString('en-US'),
              when(m.loadedAt),
            )
          : l10n.t('{0} log lines read · {1}', m.logLines.toLocaleString('en-US'), when(m.loadedAt)),
      }),
    ),
    ...(m.notice ? [el('div', { className: `notice ${m.notice.kind}`, text: m.notice.text })] : []),
    actions,
    el('section', {}, el('h2', { text: l10n.t('Job') }), facts(m)),
  );
  if (m.finalMetrics.length)
    app.append(
      el(
        'section',
        {},
        el('h2', { text: l10n.t('Final metrics') }),
        el(
          'div',
          { className: 'cards' },
          ...m.finalMetrics.map((f) =>
            el(
              'div',
              { className: 'card' },
              el('div', { className: 'card-name', text: f.name }),
              el('div', { className: 'card-value', text: fmt(f.value) }),
            ),
          ),
        ),
      ),
    );
  const withPoints = m.series.filter((s) => s.points.length > 0);
  if (withPoints.length) {
    const start = Date.parse(m.createdAt ?? '') || Math.min(...withPoints.map((s) => s.points[0].t));
    const { scales, legend, blue, orange, green, red } = chartTheme();
    const colours = [blue, orange, green, red];
    const plots = el('div', { className: 'plots' });
    withPoints.forEach((s, i) => {
      const canvas = chartCanvas(l10n.t("{0} over the job's runtime", s.name));
      plots.append(
        el(
          'figure',
          {},
          el('figcaption', {
            text: l10n.t('{0} ({1} values; last {2})', s.name, s.points.length, fmt(s.points[s.points.length - 1].v)),
          }),
          canvas,
        ),
      );
      charts.push(
        new Chart(canvas, {
          type: 'line',
          data: {
            datasets: [
              {
                label: s.name,
                data: thin(s.points).map((p) => ({ x: (p.t - start) / 60_000, y: p.v })),
                borderColor: colours[i % colours.length],
                backgroundColor: colours[i % colours.length],
                pointRadius: 2,
              },
            ],
          },
          options: {
            animation: false,
            parsing: false,
            scales: {
              x: {
                ...scales.x,
                type: 'linear',
                title: {
                  display: true,
                  text: l10n.t('minutes since the job was created'),
                  color: scales.x.ticks.color,
                },
              },
              y: scales.y,
            },
            plugins: { legend },
          },
        }),
      );
    });
    app.append(el('section', {}, el('h2', { text: l10n.t('Metrics over time') }), plots));
  } else if (m.series.length) {
    app.append(
      el(
        'section',
        {},
        el('h2', { text: l10n.t('Metrics over time') }),
        el('p', {
          className: 'muted',
          text: l10n.t('No line of the log matched {0} yet.', m.series.map((s) => s.name).join(', ')),
        }),
      ),
    );
  }
  if (m.transitions.length) app.append(el('section', {}, el('h2', { text: l10n.t('Status timeline') }), timeline(m)));
  app.append(
    el(
      'section',
      {},
      el('h2', { text: l10n.t('Hyperparameters ({0})', m.hyperParameters.length) }),
      m.hyperParameters.length
        ? el(
            'table',
            {},
            el(
              'tbody',
              {},
              ...m.hyperParameters.map(([k, v]) =>
                el('tr', {}, el('th', { className: 'mono', text: k }), el('td', { className: 'mono', text: v })),
              ),
            ),
          )
        : el('p', { className: 'muted', text: l10n.t('None.') }),
    ),
  );
  // l10n-exempt: CSS class names
  const log = el('pre', { className: 'log mono', text: m.logTail.join('\n') || l10n.t('No log lines yet.') });
  log.setAttribute('aria-label', l10n.t('Newest log lines'));
  log.tabIndex = 0;
  app.append(
    el(
      'section',
      {},
      el('h2', {
        text:
          m.logTail.length < m.logLines
            ? l10n.t('Log (newest {0} of {1})', m.logTail.length, m.logLines)
            : l10n.t('Log ({0} lines)', m.logLines),
      }),
      log,
    ),
  );
  log.scrollTop = log.scrollHeight;
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  if (event.data?.type === 'model') {
    model = event.data.model;
    vscode.setState({ model });
    render();
  }
});

onThemeChange(() => render());
const saved = vscode.getState() as { model?: TrainingJobModel } | undefined;
if (saved?.model) {
  model = saved.model;
  render();
}
vscode.postMessage({ type: 'ready' });
