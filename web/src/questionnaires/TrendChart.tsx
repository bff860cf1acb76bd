// TrendChart: an instrument's totals over time as an SVG line over its severity bands, with the baseline dashed.
import { ValueGrid } from '../ui/chart-frame.tsx';
import type { InstrumentDefinition, ResponseEntry } from './questionnaire-types.ts';
import { shortDate } from './result-text.ts';
import { BandLabel } from './BandLabel.tsx';
import {
  BOX,
  PLOT,
  bandColour,
  labelledIndexes,
  scoreScale,
  scoreTicks,
  timeScale,
} from './trend-geometry.ts';

interface TrendChartProps {
  def: InstrumentDefinition;
  /** Responses in time order; only complete ones (with a total) are drawn. */
  responses: readonly ResponseEntry[];
}

/** "PHQ-9 trend: 18 on 1 Oct 2026 to 4 on 1 Nov 2026". */
export function trendSummary(shortTitle: string, points: readonly { total: number; at: string }[]): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return `${shortTitle} trend: no complete responses`;
  const start = `${shortTitle} trend: ${first.total} on ${shortDate(first.at)}`;
  return points.length === 1 ? start : `${start} to ${last.total} on ${shortDate(last.at)}`;
}

/** The chart as role="img" with a spoken summary; each point has a <title> tooltip. */
export function TrendChart({ def, responses }: TrendChartProps) {
  const range = def.totalRange ?? { min: 0, max: 1 };
  const points = responses.flatMap((r) =>
    r.result.total === null ? [] : [{ id: r.id, at: r.completedAt, total: r.result.total, entry: r }],
  );
  const y = scoreScale(range.min, range.max);
  const x = timeScale(points.map((p) => Date.parse(p.at)));
  const xs = points.map((p) => x(Date.parse(p.at)));
  const baseline = responses.find((r) => r.isBaseline)?.result.total ?? null;
  const line = points.map((p, i) => `${(xs[i] ?? 0).toFixed(1)},${y(p.total).toFixed(1)}`).join(' ');

  return (
    <svg
      className="trend-chart"
      viewBox={`0 0 ${BOX.width} ${BOX.height}`}
      role="img"
      aria-label={trendSummary(def.shortTitle, points)}
    >
      {def.bands.map((b, i) => {
        const top = y(b.max + 1);
        const bottom = y(b.min);
        return (
          <g key={b.code} className="trend-band">
            <rect
              x={PLOT.x0}
              y={top}
              width={PLOT.x1 - PLOT.x0}
              height={bottom - top}
              fill={bandColour(i, def.bands.length)}
              fillOpacity={0.16}
            />
            {bottom - top >= 12 ? <BandLabel label={b.label} top={top} bottom={bottom} /> : null}
          </g>
        );
      })}
      <ValueGrid
        plot={PLOT}
        ticks={scoreTicks(range.min, range.max)}
        y={y}
        yAxis
        tickClassName="trend-tick"
      />
      {labelledIndexes(xs).map((i) => (
        <text key={points[i]?.id} x={xs[i]} y={PLOT.y1 + 18} textAnchor="middle" className="trend-date">
          {shortDate(points[i]?.at ?? '')}
        </text>
      ))}
      {baseline !== null ? (
        <g className="trend-baseline">
          <line x1={PLOT.x0} x2={PLOT.x1} y1={y(baseline)} y2={y(baseline)} strokeDasharray="6 4" />
          {/* At the right end: the baseline point itself always sits at the left. */}
          <text x={PLOT.x1 - 4} y={y(baseline) - 5} textAnchor="end">
            Baseline {baseline}
          </text>
        </g>
      ) : null}
      {points.length > 1 ? <polyline points={line} className="trend-line" /> : null}
      {points.map((p, i) => (
        <circle
          key={p.id}
          cx={xs[i]}
          cy={y(p.total)}
          r={i === points.length - 1 ? 6 : 4.5}
          className="trend-point"
        >
          <title>
            {`${shortDate(p.at)}: ${p.total}${p.entry.result.band ? ` (${p.entry.result.band.label})` : ''}${p.entry.source === 'self-report' ? ', self-report' : ''}`}
          </title>
        </circle>
      ))}
    </svg>
  );
}
