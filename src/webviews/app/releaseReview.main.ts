// Browser side of the Release Review panel. Everything from AWS is put on the page as text (textContent),
// never as HTML. The last model is kept with setState so the panel renders at once after a reload.
import './l10nSetup'; // first: the page's translation, before any other module runs
import * as l10n from '@vscode/l10n';
import './plotCharts'; // Chart.js's parts, registered before any chart is drawn
import { Chart } from 'chart.js';
import type { FromWebview, MetricValue, ReleaseReviewModel, ReportView, ToWebview } from '../protocol/releaseReview';
import { chartCanvas, chartTheme, el, fmt, notice, onThemeChange, when, panelApi } from './page';
import { predictedVsActual } from './predictedVsActual';
import { metricDelta } from './releaseReviewCharts';

const vscode = panelApi<FromWebview>();
const app = document.getElementById('app') as HTMLElement;
let busy = false;
let charts: Chart[] = [];

function button(
  label: string,
  message: FromWebview,
  kind: 'primary' | 'secondary' | 'danger',
  disabled = false,
): HTMLButtonElement {
  const b = el('button', { className: `button ${kind}`, text: label });
  // Remembered so the end of a busy spell re-enables only what the model allows, without drawing again.
  b.dataset.unavailable = String(disabled);
  b.disabled = disabled || busy;
  b.addEventListener('click', () => vscode.postMessage(message));
  return b;
}

/** A link that asks the extension to do something (open a diff) rather than navigate. */
function action(label: string, message: FromWebview): HTMLAnchorElement {
  const a = el('a', { text: label });
  a.href = '#';
  a.addEventListener('click', (e) => {
    e.preventDefault();
    vscode.postMessage(message);
  });
  return a;
}

/** A link out to an AWS console page; the extension opens it (only if it is one). */
function link(label: string, url: string): HTMLAnchorElement {
  const a = action(label, { type: 'openExternal', url });
  a.title = url;
  return a;
}

function metricCards(report: ReportView, previous?: ReportView): HTMLElement {
  const cards = el('div', { className: 'cards' });
  for (const m of report.metrics)
    cards.appendChild(
      metricCard(
        m,
        previous?.metrics.find((p) => p.name === m.name),
      ),
    );
  return cards;
}

function metricCard(m: MetricValue, before?: MetricValue): HTMLElement {
  const delta = before ? metricDelta(m.name, m.value, before.value) : undefined;
  return el(
    'div',
    {
      className: 'card',
      title: m.computed ? l10n.t('computed from GroundTruth and Predictions') : l10n.t('as written in evaluation.json'),
    },
    el('div', { className: 'card-name', text: m.name.toUpperCase() }),
    el('div', { className: 'card-value', text: fmt(m.value) }),
    delta
      ? el('div', {
          className: `card-delta ${delta.better ? 'better' : delta.worse ? 'worse' : ''}`,
          text: l10n.t('{0} vs last release ({1})', delta.text, fmt(before!.value)),
        })
      : undefined,
  );
}

function plots(report: ReportView, previous?: ReportView): HTMLElement {
  const section = el('section', { className: 'plots' });
  const { blue, orange, scales, legend } = chartTheme();
  if (report.actual && report.predicted) {
    const drawn = predictedVsActual(report.actual, report.predicted, l10n.t('test rows'));
    section.append(...drawn.figures);
    charts.push(...drawn.charts);
  } else {
    const names = report.metrics.map((m) => m.name);
    const bars = chartCanvas(l10n.t('Metrics of this release and of the last release'));
    section.append(
      el(
        'figure',
        {},
        el('figcaption', { text: previous ? l10n.t('This release vs the last release') : l10n.t('This release') }),
        bars,
      ),
    );
    const datasets = [
      { label: l10n.t('this release'), data: report.metrics.map((m) => m.value), backgroundColor: blue },
    ];
    if (previous)
      datasets.push({
        label: l10n.t('last release'),
        data: names.map((n) => previous.metrics.find((m) => m.name === n)?.value ?? NaN),
        backgroundColor: orange,
      });
    charts.push(
      new Chart(bars, {
        type: 'bar',
        data: { labels: names.map((n) => n.toUpperCase()), datasets },
        options: { animation: false, aspectRatio: 2.5, scales, plugins: { legend } },
      }),
    );
  }
  return section;
}

function render(model: ReleaseReviewModel): void {
  for (const c of charts) c.destroy();
  charts = [];
  app.replaceChildren();
  const a = model.approval;
  const header = el(
    'header',
    {},
    el('h1', { text: model.pipelineName }),
    el('p', {
      className: 'question',
      text: a ? (a.customData ?? l10n.t('Waiting for approval')) : l10n.t('Nothing waits for approval'),
    }),
    el('p', {
      className: 'muted',
      text: [
        a ? `${a.stageName} · ${a.actionName}` : undefined,
        model.execution ? l10n.t('execution {0}', model.execution.id) : undefined,
        model.execution?.status,
        a?.waitingSince ? l10n.t('waiting since {0}', when(a.waitingSince)) : undefined,
      ]
        .filter(Boolean)
        .join(' · '),
    }),
  );
  const actions = el(
    'div',
    { className: 'actions' },
    button(l10n.t('Approve…'), { type: 'approve' }, 'primary', !a),
    button(l10n.t('Reject…'), { type: 'reject' }, 'danger', !a),
    button(l10n.t('Refresh'), { type: 'refresh' }, 'secondary'),
    a?.reviewUrl ? link(l10n.t('Open the report in the S3 console'), a.reviewUrl) : undefined,
  );
  app.append(header);
  if (model.notice) app.append(el('div', { className: `notice ${model.notice.kind}`, text: model.notice.text }));
  app.append(actions);

  const evaluation = el('section', {}, el('h2', { text: l10n.t('Evaluation') }));
  if (model.report) {
    evaluation.append(
      el('p', {
        className: 'muted',
        text:
          model.report.form === 'ground_truth'
            ? l10n.t('{0} · metrics computed from GroundTruth and Predictions', model.report.location)
            : model.report.location,
      }),
    );
    evaluation.append(metricCards(model.report, model.previous?.report));
    evaluation.append(plots(model.report, model.previous?.report));
    if (model.previous)
      evaluation.append(
        el('p', {
          className: 'muted',
          text: l10n.t(
            'Last release: execution {0} · {1}',
            model.previous.executionId,
            model.previous.report
              ? model.previous.report.location
              : (model.previous.reportError ?? l10n.t('no report')),
          ),
        }),
      );
  } else {
    evaluation.append(
      notice('warning', l10n.t('No evaluation report: {0}', model.reportError ?? l10n.t('not found')), 'p'),
    );
  }
  app.append(evaluation);

  const commits = el('section', {}, el('h2', { text: l10n.t('Source revisions') }));
  const list = el('ul', { className: 'commits' });
  for (const c of model.commits) {
    list.append(
      el(
        'li',
        {},
        el('span', { className: 'mono', text: c.commitId.slice(0, 8) }),
        el('span', { className: 'commit-message', text: c.message.split('\n')[0] }),
        el('span', {
          className: 'muted',
          text: [c.actionName, c.branch && `${c.repository}@${c.branch}`, c.author, c.date && when(c.date)]
            .filter(Boolean)
            .join(' · '),
        }),
        action(l10n.t('changes'), { type: 'openCommitChanges', repository: c.repository, commitId: c.commitId }),
        link(l10n.t('view in CodeCommit'), c.consoleUrl),
      ),
    );
  }
  if (!model.commits.length)
    list.append(el('li', { className: 'muted', text: l10n.t('No source revisions recorded for this execution') }));
  commits.append(list);
  app.append(commits);

  const stages = el('section', {}, el('h2', { text: l10n.t('Stages') }));
  const table = el(
    'table',
    {},
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { text: l10n.t('Stage') }),
        el('th', { text: l10n.t('Status') }),
        el('th', { text: l10n.t('Actions') }),
      ),
    ),
  );
  const body = el('tbody');
  for (const s of model.stages) {
    const status = s.status ?? l10n.t('not run');
    body.append(
      el(
        'tr',
        {},
        el('td', { text: s.name }),
        el('td', {
          className: `status ${s.status ?? 'none'}`,
          text: s.ranForOlderExecution ? l10n.t('{0} (previous execution)', status) : status,
        }),
        el('td', { text: s.actions.map((x) => `${x.name}: ${x.status ?? l10n.t('not run')}`).join(', ') }),
      ),
    );
  }
  table.append(body);
  stages.append(table);
  app.append(stages);
  app.append(el('p', { className: 'muted', text: l10n.t('Read {0} from {1}', when(model.loadedAt), model.region) }));
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'model') {
    vscode.setState(message.model);
    render(message.model);
  } else if (message.type === 'busy') {
    busy = message.busy;
    document.body.classList.toggle('busy', busy);
    for (const b of Array.from(document.querySelectorAll('button')))
      b.disabled = busy || b.dataset.unavailable === 'true';
  }
});

onThemeChange(() => {
  const state = vscode.getState() as ReleaseReviewModel | undefined;
  if (state) render(state);
});
const saved = vscode.getState() as ReleaseReviewModel | undefined;
if (saved) render(saved);
vscode.postMessage({ type: 'ready' });
