// BandLabel: a severity band's name in the trend chart's right margin, centred on the band, wrapped to fit.
import { PLOT, labelLines } from './trend-geometry.ts';

const LINE_HEIGHT = 13;

/** One <text> with a <tspan> per line, vertically centred between `top` and `bottom`. */
export function BandLabel({ label, top, bottom }: { label: string; top: number; bottom: number }) {
  const lines = labelLines(label, bottom - top - 2, 21, LINE_HEIGHT);
  const firstY = (top + bottom) / 2 - ((lines.length - 1) * LINE_HEIGHT) / 2;
  return (
    <text x={PLOT.x1 + 6} y={firstY} dominantBaseline="middle" className="trend-band-label">
      {lines.map((line, i) => (
        <tspan key={`${String(i)}-${line}`} x={PLOT.x1 + 6} dy={i === 0 ? 0 : LINE_HEIGHT}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
