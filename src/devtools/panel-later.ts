/**
 * Everything the panel shows at open besides the table: the chart of the last hour and the export
 * bar (with the report and troubleshooter links), grouped for panel.tsx. The verdict and fixes
 * load right after (panel.tsx), the details pane when a row is first selected; their styles are
 * in the page's stylesheet.
 */
import './panel-later.css';

export { rateChart } from '../core/rate-chart';
export { ExportBar } from './export-bar';
export { RateChartView } from './rate-chart-view';
