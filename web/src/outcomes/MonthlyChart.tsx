// MonthlyChart: counts per calendar month as SVG bars, stacked by series (e.g. level 1 to 4), with a spoken summary.
import { countTicks } from './chart-scale.ts';
import { labelledMonths } from './month-axis.ts';
import { monthSlot, MonthSvg, PLOT, PLOT_WIDTH, yScale } from './MonthFrame.tsx';
import { monthLabel, type MonthlyTable } from './monthly-rows.ts';

/** Bars per month, one colour per series (with a legend when there are several), the summary as aria-label; each segment has a <title> tooltip. */
export function MonthlyChart({ series, colours, rows, summary }: MonthlyTable) {
  const ticks = countTicks(Math.max(1, ...rows.map((r) => r.counts.reduce((a, b) => a + b, 0))));
  const max = ticks.at(-1) ?? 1;
  const y = yScale(max);
  const slot = monthSlot(rows.length);
  const barWidth = Math.min(48, slot * 0.6);
  // Over a long period only some months are labelled, so labels never overlap; every bar keeps its tooltip.
  const labelled = new Set(
    labelledMonths(
      rows.map((r) => r.month),
      PLOT_WIDTH,
    ),
  );
  return (
    <>
      <MonthSvg summary={summary} ticks={ticks} y={y}>
        {rows.map((r, i) => {
          const x = PLOT.x0 + slot * i + (slot - barWidth) / 2;
          let below = 0;
          return (
            <g key={r.month}>
              {r.counts.map((count, s) => {
                const top = y(below + count);
                const bottom = y(below);
                below += count;
                return count === 0 ? null : (
                  <rect
                    key={series[s] ?? s}
                    x={x}
                    y={top}
                    width={barWidth}
                    height={bottom - top}
                    fill={colours[s]}
                  >
                    <title>{`${monthLabel(r.month)}: ${series[s] ?? ''} ${count}`}</title>
                  </rect>
                );
              })}
              {labelled.has(i) ? (
                <text x={x + barWidth / 2} y={PLOT.y1 + 18} textAnchor="middle" className="month-label">
                  {monthLabel(r.month)}
                </text>
              ) : null}
            </g>
          );
        })}
      </MonthSvg>
      {series.length > 1 ? (
        <ul className="monthly-legend" aria-hidden="true">
          {series.map((name, s) => (
            <li key={name}>
              {/* An SVG fill, not a style attribute: the CSP allows no inline styles. */}
              <svg className="monthly-swatch" viewBox="0 0 1 1">
                <rect width="1" height="1" fill={colours[s]} />
              </svg>
              {name}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
