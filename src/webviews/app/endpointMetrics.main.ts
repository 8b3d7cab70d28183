// Browser side of the Endpoint Metrics panel: totals, range and variant choosers, and two charts
// (invocations with 4xx errors; average model latency). Everything from AWS is text.
import './l10nSetup'; // first: the page's translation, before any other module runs
import * as l10n from '@vscode/l10n';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { EndpointMetricsModel, FromWebview, MetricsRange, ToWebview } from '../protocol/endpointMetrics';
import { chartCanvas, chartTheme, el, fmt, onThemeChange, when, panelApi } from './page';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

const vscode = panelApi<FromWebview>();
const app = document.getElementById('app') as HTMLElement;
let charts: Chart[] = [];

function label(iso: string, range: MetricsRange): string {
  const d = new Date(iso);
  return range === '7d'
    ? d.toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' })
    : d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

function choice(text: string, active: boolean, message: FromWebview): HTMLButtonElement {
  const b = el('button', { className: `button ${active ? 'primary' : 'secondary'} small`, text });
  b.setAttribute('aria-pressed', String(active));
  b.addEventListener('click', () => vscode.postMessage(message));
  return b;
}

function render(m: EndpointMetricsModel): void {
  for (const c of charts) c.destroy();
  charts = [];
  const { fg, blue, red, orange, scales, legend } = chartTheme();
  const ranges: MetricsRange[] = ['3h', '24h', '7d'];
  app.replaceChildren(
    el(
      'header',
      {},
      el('h1', { text: `${m.endpointName} · ${m.variant || l10n.t('no variant')}` }),
      el('p', {
        className: 'muted',
        text: l10n.t(
          'CloudWatch AWS/SageMaker · {0}-minute periods · read {1}',
          m.periodSeconds / 60,
          when(m.loadedAt),
        ),
      }),
    ),
    el(
      'div',
      { className: 'actions' },
      ...ranges.map((r) => choice(l10n.t('Last {0}', r), r === m.range, { type: 'range', range: r })),
      ...(m.variants.length > 1
        ? m.variants.map((v) => choice(v, v === m.variant, { type: 'variant', variant: v }))
        : []),
      choice(l10n.t('Refresh'), false, { type: 'refresh' }),
    ),
  );
  if (m.notice) app.append(el('div', { className: `notice ${m.notice.kind}`, text: m.notice.text }));
  const cards = el(
    'div',
    { className: 'cards' },
    el(
      'div',
      { className: 'card' },
      el('div', { className: 'card-name', text: l10n.t('INVOCATIONS') }),
      el('div', { className: 'card-value', text: String(m.totals.invocations) }),
    ),
    el(
      'div',
      { className: 'card' },
      el('div', { className: 'card-name', text: l10n.t('4XX ERRORS') }),
      el('div', { className: 'card-value', text: String(m.totals.errors) }),
    ),
    el(
      'div',
      { className: 'card' },
      el('div', { className: 'card-name', text: l10n.t('AVG MODEL LATENCY') }),
      el('div', {
        className: 'card-value',
        text: m.totals.averageLatencyMs === undefined ? '—' : `${fmt(m.totals.averageLatencyMs)} ms`,
      }),
    ),
  );
  app.append(cards);
  if (m.times.length === 0 || m.totals.invocations + m.totals.errors === 0) return;
  const labels = m.times.map((t) => label(t, m.range));
  const traffic = chartCanvas(l10n.t('Invocations and 4xx errors over time'));
  const latency = chartCanvas(l10n.t('Average model latency over time'));
  app.append(
    el(
      'section',
      { className: 'plots' },
      el('figure', {}, el('figcaption', { text: l10n.t('Invocations per period') }), traffic),
      el('figure', {}, el('figcaption', { text: l10n.t('Average model latency (ms)') }), latency),
    ),
  );
  charts.push(
    new Chart(traffic, {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: l10n.t('invocations'), data: m.invocations, backgroundColor: blue },
          { label: l10n.t('4xx errors'), data: m.errors, backgroundColor: red },
        ],
      },
      options: {
        animation: false,
        scales: { x: { ...scales.x, stacked: true }, y: { ...scales.y, stacked: true, beginAtZero: true } },
        plugins: { legend },
      },
    }),
  );
  charts.push(
    new Chart(latency, {
      type: 'line',
      data: {
        labels,
        datasets: [
          { label: 'ModelLatency (ms)', data: m.latencyMs, borderColor: orange, pointRadius: 0, spanGaps: true },
        ],
      },
      options: {
        animation: false,
        scales: { x: scales.x, y: { ...scales.y, beginAtZero: true, title: { display: true, text: 'ms', color: fg } } },
        plugins: { legend: { display: false } },
      },
    }),
  );
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'model') {
    vscode.setState(message.model);
    render(message.model);
  } else {
    document.body.classList.toggle('busy', message.busy);
    for (const b of Array.from(document.querySelectorAll('button'))) b.disabled = message.busy;
  }
});

onThemeChange(() => {
  const state = vscode.getState() as EndpointMetricsModel | undefined;
  if (state) render(state);
});
const saved = vscode.getState() as EndpointMetricsModel | undefined;
if (saved) render(saved);
vscode.postMessage({ type: 'ready' });
