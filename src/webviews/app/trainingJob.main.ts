// Browser side of the training job panel: status, facts, the secondary-status timeline, final metrics,
// metric curves, hyperparameters and the newest log lines. Everything from AWS is set as text.
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
import { chartCanvas, chartTheme, el, fmt, onThemeChange, when } from './page';

Chart.register(CategoryScale, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip);

declare function acquireVsCodeApi(): {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
};
const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;
let charts: Chart[] = [];
let model: TrainingJobModel | undefined;

const MAX_POINTS = 2_000;

function duration(seconds?: number): string {
  if (seconds === undefined) return '—';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round(seconds % 60);
  return [h ? `${h} h` : '', m ? `${m} min` : '', `${s} s`].filter(Boolean).join(' ');
}

/** Every n-th point, so a long log still draws quickly; the last point is always kept. */
function thin<T>(points: T[]): T[] {
  if (points.length <= MAX_POINTS) return points;
  const step = Math.ceil(points.length / MAX_POINTS);
  return points.filter((_, i) => i % step === 0 || i === points.length - 1);
}

function facts(m: TrainingJobModel): HTMLElement {
  const rows: Array<[string, string]> = [
    ['Image', m.image ?? '—'],
    ['Compute', `${m.compute ?? '—'}${m.spot ? ' · managed spot' : ''}`],
    ['Created', when(m.createdAt)],
    ['Ended', when(m.endedAt)],
    ['Training time', duration(m.trainingSeconds)],
    [
      'Billable time',
      `${duration(m.billableSeconds)}${m.spot && m.trainingSeconds && m.billableSeconds !== undefined ? ` (${Math.round((1 - m.billableSeconds / m.trainingSeconds) * 100)}% saved by spot)` : ''}`,
    ],
    ['Model artefact', m.artefact ?? '—'],
  ];
  return el(
    'table',
    { className: 'facts' },
    el(
      'tbody',
      {},
      ...rows.map(([k, v]) =>
        el(
          'tr',
          {},
          el('th', { text: k }),
          el('td', { className: k === 'Image' || k === 'Model artefact' ? 'mono' : '', text: v }),
        ),
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
        el('td', { className: 'number', text: t.end ? duration(seconds) : 'now' }),
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
        el('th', { text: 'Status' }),
        el('th', { text: 'Started' }),
        el('th', { className: 'number', text: 'Took' }),
        el('th', { text: 'Message' }),
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
    vsButton('Refresh', () => vscode.postMessage({ type: 'refresh' }), { secondary: true }),
    vsButton('Open log in editor', () => vscode.postMessage({ type: 'openLog' }), {
      secondary: true,
      title: 'Follow /aws/sagemaker/TrainingJobs in an editor',
    }),
    vsButton('Clone job…', () => vscode.postMessage({ type: 'clone' }), {
      secondary: true,
      title: 'Start a new job with these settings',
    }),
  );
  if (m.autoGluon && m.status === 'Completed')
    actions.append(vsButton('AutoGluon leaderboard', () => vscode.postMessage({ type: 'openAutoGluon' })));
  if (running)
    actions.append(
      vsButton('Stop job…', () => vscode.postMessage({ type: 'stop' }), { title: 'Asks before stopping' }),
    );
  app.replaceChildren(
    el(
      'header',
      {},
      el(
        'h1',
        {},
        el('span', { text: `Training job · ${m.jobName} ` }),
        el('span', {
          className: `status ${m.status}`,
          text: m.secondaryStatus && m.secondaryStatus !== m.status ? `${m.status} · ${m.secondaryStatus}` : m.status,
        }),
      ),
      el('p', {
        className: 'muted',
        text: `${running ? 'following while it runs · ' : ''}${m.logLines.toLocaleString('en-US')} log lines read · ${when(m.loadedAt)}`,
      }),
    ),
    ...(m.notice ? [el('div', { className: `notice ${m.notice.kind}`, text: m.notice.text })] : []),
    actions,
    el('section', {}, el('h2', { text: 'Job' }), facts(m)),
  );
  if (m.finalMetrics.length)
    app.append(
      el(
        'section',
        {},
        el('h2', { text: 'Final metrics' }),
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
      const canvas = chartCanvas(`${s.name} over the job's runtime`);
      plots.append(
        el(
          'figure',
          {},
          el('figcaption', {
            text: `${s.name} (${s.points.length} values; last ${fmt(s.points[s.points.length - 1].v)})`,
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
                title: { display: true, text: 'minutes since the job was created', color: scales.x.ticks.color },
              },
              y: scales.y,
            },
            plugins: { legend },
          },
        }),
      );
    });
    app.append(el('section', {}, el('h2', { text: 'Metrics over time' }), plots));
  } else if (m.series.length) {
    app.append(
      el(
        'section',
        {},
        el('h2', { text: 'Metrics over time' }),
        el('p', {
          className: 'muted',
          text: `No line of the log matched ${m.series.map((s) => s.name).join(', ')} yet.`,
        }),
      ),
    );
  }
  if (m.transitions.length) app.append(el('section', {}, el('h2', { text: 'Status timeline' }), timeline(m)));
  app.append(
    el(
      'section',
      {},
      el('h2', { text: `Hyperparameters (${m.hyperParameters.length})` }),
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
        : el('p', { className: 'muted', text: 'None.' }),
    ),
  );
  const log = el('pre', { className: 'log mono', text: m.logTail.join('\n') || 'No log lines yet.' });
  log.setAttribute('aria-label', 'Newest log lines');
  log.tabIndex = 0;
  app.append(
    el(
      'section',
      {},
      el('h2', {
        text: `Log (${m.logTail.length < m.logLines ? `newest ${m.logTail.length} of ${m.logLines}` : `${m.logLines} lines`})`,
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
