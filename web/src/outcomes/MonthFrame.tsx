// MonthFrame: the plot area shared by the monthly charts, with horizontal grid lines, y-axis counts and the x-axis.

/** The chart's drawing box and its plot area inside the margins. */
export const BOX = { width: 640, height: 220, left: 40, right: 16, top: 12, bottom: 30 } as const;
export const PLOT = {
  x0: BOX.left,
  x1: BOX.width - BOX.right,
  y0: BOX.top,
  y1: BOX.height - BOX.bottom,
} as const;

/** The y position of a count on a scale from 0 to `top`. */
export function yScale(top: number): (v: number) => number {
  return (v) => PLOT.y1 - (v / top) * (PLOT.y1 - PLOT.y0);
}

/** Grid lines and their counts at each tick, and the x-axis line. */
export function MonthFrame({ ticks, y }: { ticks: readonly number[]; y: (v: number) => number }) {
  return (
    <>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={PLOT.x0} x2={PLOT.x1} y1={y(v)} y2={y(v)} className="trend-grid" />
          <text x={PLOT.x0 - 6} y={y(v)} textAnchor="end" dominantBaseline="middle">
            {v}
          </text>
        </g>
      ))}
      <line x1={PLOT.x0} x2={PLOT.x1} y1={PLOT.y1} y2={PLOT.y1} className="trend-axis" />
    </>
  );
}
