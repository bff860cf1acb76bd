// TrendChart: counts per calendar month as SVG lines, one colour and dash per series, with a legend and spoken summary.
import type { TrendLine } from './chart-spec.ts';
import { countTicks } from './chart-scale.ts';
import { labelledMonths } from './month-axis.ts';
import { monthSlot, MonthSvg, PLOT, PLOT_WIDTH, yScale } from './MonthFrame.tsx';
import { monthLabel } from './monthly-rows.ts';

/** Lines over the months (a single month is drawn as points); every point has a <title> tooltip. */
export function TrendChart({
  months,
  lines,
  summary,
}: {
  months: readonly string[];
  lines: readonly TrendLine[];
  summary: string;
}) {
  const max = Math.max(1, ...lines.flatMap((l) => l.values));
  const ticks = countTicks(max);
  const top = Math.max(max, ticks.at(-1) ?? max);
  const y = yScale(top);
  const slot = monthSlot(months.length);
  const x = (i: number) => PLOT.x0 + slot * i + slot / 2;
  return (
    <>
      <MonthSvg summary={summary} ticks={ticks} y={y}>
        {/* Over a long period only some months are labelled, so labels never overlap; every point keeps its tooltip. */}
        {labelledMonths(months, PLOT_WIDTH).map((i) => (
          <text key={months[i]} x={x(i)} y={PLOT.y1 + 18} textAnchor="middle" className="month-label">
            {monthLabel(months[i] ?? '')}
          </text>
        ))}
        {lines.map((line) => (
          <g key={line.name}>
            <polyline
              fill="none"
              stroke={line.colour}
              strokeWidth={2.5}
              strokeDasharray={line.dash || undefined}
              points={line.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
            />
            {line.values.map((v, i) => (
              <circle key={months[i] ?? i} cx={x(i)} cy={y(v)} r={3.5} fill={line.colour}>
                <title>{`${monthLabel(months[i] ?? '')}: ${line.name} ${v}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </MonthSvg>
      <ul className="monthly-legend" aria-hidden="true">
        {lines.map((line) => (
          <li key={line.name}>
            <svg width="28" height="10" className="trend-key">
              <line
                x1="1"
                x2="27"
                y1="5"
                y2="5"
                stroke={line.colour}
                strokeWidth={2.5}
                strokeDasharray={line.dash || undefined}
              />
            </svg>{' '}
            {line.name}
          </li>
        ))}
      </ul>
    </>
  );
}
