// Registers every Chart.js part the plotting pages draw with: bars, lines, and scatter plots thinned by decimation.
// The leaderboard, Release Review and Batch Prediction pages import it for that alone (`import './plotCharts'`: a
// named import used only as a type would be dropped by TypeScript, and the registration with it). Pages that draw
// less register only what they draw, so their bundles stay small.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Decimation,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Decimation,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
);
