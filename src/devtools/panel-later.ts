/**
 * Everything the panel shows besides the table: the chart of the last hour, the export bar (with
 * the report and troubleshooter links), the fixes and the details pane, grouped for panel.tsx.
 */
import './panel-later.css';

export { rateChart } from '../core/rate-chart';
export { ExportBar } from './export-bar';
export { FailureDetails } from './failure-details';
export { PanelFixes } from './panel-fixes';
export { RateChartView } from './rate-chart-view';
