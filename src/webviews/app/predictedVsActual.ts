// The two regression plots the Release Review and Batch Predict pages share: predicted against actual with
// the y = x line, and the histogram of residuals.
import * as l10n from '@vscode/l10n';
import { Chart, type Plugin } from 'chart.js';
import { chartCanvas, chartTheme, el, fmt } from './page';
import { histogram, identityLine, residuals } from './releaseReviewCharts';
import { thinScatter } from './scatterThinning';

export function predictedVsActual(
  actual: number[],
  predicted: number[],
  pointsLabel: string,
): { figures: HTMLElement[]; charts: Chart[] } {
  const { fg, blue, orange, scales, legend } = chartTheme();
  const scatter = chartCanvas(l10n.t('Predicted against actual values'));
  const hist = chartCanvas(l10n.t('Histogram of residuals'));
  // The scatter's points, thinned for the canvas's size in device pixels whenever that changes (as Chart.js's
  // own decimation replaces a line's data), before Chart.js builds an element for each of them.
  let thinnedFor = '';
  const thinning: Plugin<'scatter'> = {
    id: 'thinScatter',
    beforeElementsUpdate: (chart) => {
      const width = Math.ceil(chart.width * chart.currentDevicePixelRatio);
      const height = Math.ceil(chart.height * chart.currentDevicePixelRatio);
      if (`${width}x${height}` === thinnedFor) return;
      thinnedFor = `${width}x${height}`;
      chart.data.datasets[0].data = thinScatter(actual, predicted, width, height);
    },
  };
  const figures = [
    el('figure', {}, el('figcaption', { text: l10n.t('Predicted vs actual') }), scatter),
    el('figure', {}, el('figcaption', { text: l10n.t('Residuals (predicted − actual)') }), hist),
  ];
  const charts: Chart[] = [
    new Chart(scatter, {
      type: 'scatter',
      data: {
        datasets: [
          {
            label: pointsLabel,
            data: [],
            backgroundColor: blue,
            pointRadius: 3,
          },
          {
            type: 'line',
            label: l10n.t('perfect prediction'),
            data: identityLine(actual, predicted),
            borderColor: orange,
            pointRadius: 0,
            borderDash: [4, 4],
          },
        ],
      },
      options: {
        animation: false,
        parsing: false,
        scales: {
          x: { ...scales.x, title: { display: true, text: l10n.t('actual'), color: fg } },
          y: { ...scales.y, title: { display: true, text: l10n.t('predicted'), color: fg } },
        },
        plugins: { legend },
      },
      plugins: [thinning],
    }),
  ];
  const bins = histogram(residuals(actual, predicted), 15);
  charts.push(
    new Chart(hist, {
      type: 'bar',
      data: {
        labels: bins.map((b) => fmt((b.from + b.to) / 2)),
        datasets: [{ label: l10n.t('rows'), data: bins.map((b) => b.count), backgroundColor: blue }],
      },
      options: {
        animation: false,
        // Counts of rows: whole numbers on the axis, never 0.5 of a row.
        scales: { x: scales.x, y: { ...scales.y, ticks: { ...scales.y.ticks, precision: 0 } } },
        plugins: { legend: { display: false } },
      },
    }),
  );
  return { figures, charts };
}
