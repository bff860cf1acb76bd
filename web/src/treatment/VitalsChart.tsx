// VitalsChart: systolic, diastolic and heart rate over the session as SVG lines, with alert thresholds dashed.
import { ValueGrid } from '../ui/chart-frame.tsx';
import { formatTime } from '../ui/format.ts';
import type { Protocol } from './treatment-types.ts';
import {
  BOX,
  PLOT,
  spreadLabels,
  timeScale,
  timeTicks,
  valueRange,
  valueScale,
  valueTicks,
  vitalsSummary,
  type ChartReading,
} from './vitals-geometry.ts';

const SERIES = [
  { key: 'systolic', label: 'Systolic', short: 'SBP', unit: 'mmHg' },
  { key: 'diastolic', label: 'Diastolic', short: 'DBP', unit: 'mmHg' },
  { key: 'heartRate', label: 'Heart rate', short: 'HR', unit: 'bpm' },
] as const;
const SYMBOL: Readonly<Record<string, string>> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤' };

interface VitalsChartProps {
  /** Readings in time order, the baseline among them. */
  readings: readonly ChartReading[];
  /** The thresholds come from here; none are drawn until it loads. */
  protocol: Protocol | null;
  /** Moments marked with a vertical line: the baseline, administration start and stop. */
  markers: readonly { at: number; label: string }[];
}

/** role="img" with a spoken summary; each point has a <title> tooltip; the legend is beneath. */
export function VitalsChart({ readings, protocol, markers }: VitalsChartProps) {
  const thresholds = SERIES.flatMap((s) => {
    const t = protocol?.alerts[s.key] ?? null;
    return t
      ? [{ series: s, value: t.value, text: `${s.short} ${SYMBOL[t.comparator] ?? t.comparator} ${t.value}` }]
      : [];
  });
  const values = readings.flatMap((r) => [r.systolic, r.diastolic, r.heartRate]);
  const { min, max } = valueRange([...values, ...thresholds.map((t) => t.value)]);
  const y = valueScale(min, max);
  const times = [...readings.map((r) => r.at), ...markers.map((m) => m.at)].filter(Number.isFinite);
  const first = Math.min(...times);
  const last = Math.max(...times);
  const x = timeScale(first, last);
  const labelYs = spreadLabels(thresholds.map((t) => y(t.value)));

  return (
    <figure className="vitals-figure">
      <svg
        className="vitals-chart"
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        role="img"
        aria-label={vitalsSummary(readings)}
      >
        <ValueGrid plot={PLOT} ticks={valueTicks(min, max)} y={y} yAxis />
        {readings.length > 0
          ? timeTicks(first, last).map((t) => (
              <text key={t} x={x(t)} y={PLOT.y1 + 18} textAnchor="middle">
                {formatTime(new Date(t).toISOString())}
              </text>
            ))
          : null}
        {markers.map((m, i) => (
          <g
            key={`${m.label}-${i}`}
            className={`vitals-marker${m.label === 'Baseline' ? ' vitals-marker-baseline' : ''}`}
          >
            <line x1={x(m.at)} x2={x(m.at)} y1={PLOT.y0} y2={PLOT.y1} />
            <text
              x={x(m.at) + (i % 2 === 0 ? -3 : 3)}
              y={PLOT.y0 - 6}
              textAnchor={i % 2 === 0 ? 'end' : 'start'}
            >
              {m.label}
            </text>
          </g>
        ))}
        {thresholds.map((t, i) => (
          <g key={t.series.key} className={`vitals-threshold series-${t.series.key}`}>
            <line x1={PLOT.x0} x2={PLOT.x1} y1={y(t.value)} y2={y(t.value)} strokeDasharray="6 4" />
            <text x={PLOT.x1 + 6} y={labelYs[i]} dominantBaseline="middle">
              {t.text} alert
            </text>
          </g>
        ))}
        {SERIES.map((s) => (
          <g key={s.key} className={`vitals-series series-${s.key}`}>
            {readings.length > 1 ? (
              <polyline
                points={readings.map((r) => `${x(r.at).toFixed(1)},${y(r[s.key]).toFixed(1)}`).join(' ')}
              />
            ) : null}
            {readings.map((r) => (
              <circle key={r.id} cx={x(r.at)} cy={y(r[s.key])} r={r.baseline ? 5.5 : 4}>
                <title>{`${formatTime(new Date(r.at).toISOString())}${r.baseline ? ' (baseline)' : ''}: ${s.label} ${r[s.key]} ${s.unit}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <figcaption className="chart-legend" aria-hidden="true">
        {SERIES.map((s) => (
          <span key={s.key} className={`legend-item series-${s.key}`}>
            <span className="legend-swatch" /> {s.label} ({s.unit})
          </span>
        ))}
        <span className="legend-item">
          <span className="legend-dash" /> Alert threshold
        </span>
      </figcaption>
    </figure>
  );
}
