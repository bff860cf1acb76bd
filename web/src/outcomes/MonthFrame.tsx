// MonthFrame: the plot area shared by the monthly charts, with horizontal grid lines, y-axis counts and the x-axis.
import type { ReactNode } from 'react';
import { plotOf, ValueGrid } from '../ui/chart-frame.tsx';

/** The chart's drawing box and its plot area inside the margins. */
export const BOX = { width: 640, height: 220, left: 40, right: 16, top: 12, bottom: 30 } as const;
export const PLOT = plotOf(BOX);
/** The width the months share along the x-axis. */
export const PLOT_WIDTH = PLOT.x1 - PLOT.x0;

/** The y position of a count on a scale from 0 to `top`. */
export function yScale(top: number): (v: number) => number {
  return (v) => PLOT.y1 - (v / top) * (PLOT.y1 - PLOT.y0);
}

/** Grid lines and their counts at each tick, and the x-axis line. */
export function MonthFrame({ ticks, y }: { ticks: readonly number[]; y: (v: number) => number }) {
  return <ValueGrid plot={PLOT} ticks={ticks} y={y} />;
}

/** The width each month takes along the x-axis when `months` share it. */
export function monthSlot(months: number): number {
  return PLOT_WIDTH / Math.max(1, months);
}

interface MonthSvgProps {
  summary: string;
  ticks: readonly number[];
  y: (v: number) => number;
  children: ReactNode;
}

/** The monthly chart's <svg>, spoken as its summary, with the frame drawn under the children. */
export function MonthSvg({ summary, ticks, y, children }: MonthSvgProps) {
  return (
    <svg className="monthly-chart" viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={summary}>
      <MonthFrame ticks={ticks} y={y} />
      {children}
    </svg>
  );
}
