/**
 * Everything the panel shows at open besides the table: the chart of the last hour, the export
 * bar (with the report and troubleshooter links) and the fixes, grouped for panel.tsx. The
 * details pane is not here: it loads when a row is first selected (its styles are in the CSS).
 */
import './panel-later.css';

export { rateChart } from '../core/rate-chart';
export { ExportBar } from './export-bar';
export { PanelFixes } from './panel-fixes';
export { RateChartView } from './rate-chart-view';
