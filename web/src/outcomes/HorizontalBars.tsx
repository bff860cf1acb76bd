// HorizontalBars: labelled SVG bars on a shared scale, with whiskers for 95 % intervals and the words beside each.
import type { Bar } from './chart-spec.ts';
import { BAR_COLOUR } from './chart-spec.ts';

const WIDTH = 640;
const ROW = 30;
const TOP = 8;
const LABEL_END = 196;
const PLOT = { x0: 204, x1: 468 } as const;
const TEXT_X = 476;
const MAX_LABEL = 30;

const shorten = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);

/** Bars from zero (or from `min` when values go below zero), the summary as the image's spoken name. */
export function HorizontalBars({
  bars,
  min,
  max,
  summary,
}: {
  bars: readonly Bar[];
  min: number;
  max: number;
  summary: string;
}) {
  const span = max - min || 1;
  const x = (v: number) => PLOT.x0 + ((Math.min(max, Math.max(min, v)) - min) / span) * (PLOT.x1 - PLOT.x0);
  const zero = x(0);
  const height = TOP * 2 + ROW * Math.max(1, bars.length);
  return (
    <svg className="monthly-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary}>
      <line x1={zero} x2={zero} y1={TOP / 2} y2={height - TOP / 2} className="trend-axis" />
      {bars.map((bar, i) => {
        const mid = TOP + ROW * i + ROW / 2;
        const end = bar.value === null ? zero : x(bar.value);
        const ci = bar.interval;
        return (
          // Two practitioners may share a name: the position keeps the keys apart.
          <g key={`${i}:${bar.label}`}>
            <title>{`${bar.label}: ${bar.text}`}</title>
            <text x={LABEL_END} y={mid} textAnchor="end" dominantBaseline="middle">
              {shorten(bar.label)}
            </text>
            {bar.value === null ? null : (
              <rect
                x={Math.min(zero, end)}
                y={mid - ROW * 0.3}
                width={Math.max(1, Math.abs(end - zero))}
                height={ROW * 0.6}
                fill={bar.colour ?? BAR_COLOUR}
              />
            )}
            {ci ? (
              <g className="chart-whisker" stroke="#16191d" strokeWidth={1.5}>
                <line x1={x(ci.lower)} x2={x(ci.upper)} y1={mid} y2={mid} />
                <line x1={x(ci.lower)} x2={x(ci.lower)} y1={mid - 6} y2={mid + 6} />
                <line x1={x(ci.upper)} x2={x(ci.upper)} y1={mid - 6} y2={mid + 6} />
              </g>
            ) : null}
            <text x={TEXT_X} y={mid} dominantBaseline="middle">
              {bar.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
