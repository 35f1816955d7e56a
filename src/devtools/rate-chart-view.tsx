import { FILTER_GROUPS } from '../core/categories';
import { clockTime } from '../core/clock-time';
import type { RateChart } from '../core/rate-chart';
import { t, tn } from '../platform/i18n';

const WIDTH = 600;
const HEIGHT = 110;
const PAD_TOP = 10;
const PAD_BOTTOM = 16;

/**
 * Failures per minute over the last hour, stacked by group, drawn as plain SVG; status-page
 * incidents are vertical marks with their names as tooltips.
 *
 * Why no chart library (measured 2026-12-04): uPlot 1.6.32, a small maintained one, adds 21,883 B
 * gzip of script and 772 B of CSS to the panel (23,823 -> 45,706 B, budget 28,672), and draws on
 * a canvas: the per-minute tooltips and the theme's CSS colours would be redone in script.
 * This view and core/rate-chart.ts are 766 B.
 */
export function RateChartView({ chart }: { chart: RateChart }) {
  const barWidth = WIDTH / chart.minutes;
  const plot = HEIGHT - PAD_TOP - PAD_BOTTOM;
  const scale = plot / chart.max;
  const total = chart.buckets.reduce((sum, b) => sum + b.total, 0);
  const peak = chart.buckets.reduce((max, b) => Math.max(max, b.total), 0);
  return (
    <figure class="rate-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('panel_chart_label', [tn('count_failures', total), peak, chart.marks.length])}
      >
        <line class="axis" x1={0} y1={HEIGHT - PAD_BOTTOM} x2={WIDTH} y2={HEIGHT - PAD_BOTTOM} />
        {chart.buckets.map((b, i) => {
          let y = HEIGHT - PAD_BOTTOM;
          return (
            <g key={b.start}>
              {b.total > 0 && <title>{tn('panel_chart_bucket', b.total, [clockTime(b.start), b.total])}</title>}
              {FILTER_GROUPS.map((g) => {
                const count = b.counts[g];
                if (!count) return null;
                const h = count * scale;
                y -= h;
                return <rect key={g} class={`bar grp-${g}`} x={i * barWidth + 0.5} y={y} width={Math.max(1, barWidth - 1)} height={h} />;
              })}
            </g>
          );
        })}
        {chart.marks.map((m) => (
          <g key={`${m.id}-${m.kind}`} class={`incident incident-${m.kind}`}>
            <title>{t(m.kind === 'started' ? 'panel_incident_started' : 'panel_incident_updated', m.name)}</title>
            <line x1={m.offset * barWidth} y1={0} x2={m.offset * barWidth} y2={HEIGHT - PAD_BOTTOM} />
            <polygon points={`${m.offset * barWidth - 4},0 ${m.offset * barWidth + 4},0 ${m.offset * barWidth},6`} />
          </g>
        ))}
        <text class="tick" x={2} y={HEIGHT - 3}>
          {t('panel_chart_hour_ago')}
        </text>
        <text class="tick" x={WIDTH - 2} y={HEIGHT - 3} text-anchor="end">
          {t('panel_chart_now')}
        </text>
        <text class="tick" x={2} y={PAD_TOP}>
          {chart.max}/min
        </text>
      </svg>
      <figcaption class="muted">{t('panel_chart_caption', [tn('count_failures', total), chart.marks.filter((m) => m.kind === 'started').length])}</figcaption>
    </figure>
  );
}
