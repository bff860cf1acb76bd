// Chart frame: the plot area inside an SVG chart's margins, and its value grid with the axis lines.

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface PlotArea {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The plot area of `box`: x from the left margin to the right one, y from the top margin to the bottom one. */
export function plotOf(box: ChartBox): PlotArea {
  return { x0: box.left, x1: box.width - box.right, y0: box.top, y1: box.height - box.bottom };
}

interface ValueGridProps {
  plot: PlotArea;
  ticks: readonly number[];
  y: (v: number) => number;
  /** Draw the y-axis line as well as the x-axis one. */
  yAxis?: boolean;
  tickClassName?: string;
}

/** A grid line and its value at each tick, then the x-axis (and y-axis) lines. */
export function ValueGrid({ plot, ticks, y, yAxis = false, tickClassName }: ValueGridProps) {
  return (
    <>
      {ticks.map((v) => (
        <g key={v} className={tickClassName}>
          <line x1={plot.x0} x2={plot.x1} y1={y(v)} y2={y(v)} className="trend-grid" />
          <text x={plot.x0 - 6} y={y(v)} textAnchor="end" dominantBaseline="middle">
            {v}
          </text>
        </g>
      ))}
      <line x1={plot.x0} x2={plot.x1} y1={plot.y1} y2={plot.y1} className="trend-axis" />
      {yAxis ? <line x1={plot.x0} x2={plot.x0} y1={plot.y0} y2={plot.y1} className="trend-axis" /> : null}
    </>
  );
}
