// Trend chart geometry: the plot box, scales from score and time to pixels, axis ticks and band colours.
import { plotOf } from '../ui/chart-frame.tsx';

/** The SVG's coordinate box; the right margin holds the band labels. */
export const BOX = { width: 640, height: 260, left: 40, right: 132, top: 12, bottom: 34 } as const;
export const PLOT = plotOf(BOX);
// Points sit this far inside the plot so the first and last are not cut by the axes.
const INSET = 16;

/** Score → y pixel, with `min` at the bottom of the plot and `max` at the top; values outside are clamped. */
export function scoreScale(min: number, max: number): (score: number) => number {
  const span = max - min || 1;
  return (score) => {
    const clamped = Math.min(max, Math.max(min, score));
    return PLOT.y1 - ((clamped - min) / span) * (PLOT.y1 - PLOT.y0);
  };
}

/** Time (ms) → x pixel across the plot; a single instant sits in the middle. */
export function timeScale(times: readonly number[]): (time: number) => number {
  const first = Math.min(...times);
  const last = Math.max(...times);
  const left = PLOT.x0 + INSET;
  const right = PLOT.x1 - INSET;
  if (!Number.isFinite(first) || last === first) return () => (left + right) / 2;
  return (t) => left + ((t - first) / (last - first)) * (right - left);
}

/** Round-numbered score ticks: every 5 up to 30, every 10 up to 80, else every 20. */
export function scoreTicks(min: number, max: number): number[] {
  const span = max - min;
  const step = span <= 10 ? 2 : span <= 30 ? 5 : span <= 80 ? 10 : 20;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max; v += step) ticks.push(v);
  return ticks;
}

/** Indexes of the points whose date labels fit: the first, the last, and others at least `gap` px apart. */
export function labelledIndexes(xs: readonly number[], gap = 76): number[] {
  if (xs.length === 0) return [];
  const lastIndex = xs.length - 1;
  const chosen = [0];
  for (let i = 1; i < lastIndex; i += 1) {
    const prev = xs[chosen[chosen.length - 1] ?? 0] ?? 0;
    const x = xs[i] ?? 0;
    if (x - prev >= gap && (xs[lastIndex] ?? 0) - x >= gap) chosen.push(i);
  }
  if (lastIndex > 0 && (xs[lastIndex] ?? 0) - (xs[chosen[chosen.length - 1] ?? 0] ?? 0) >= gap)
    chosen.push(lastIndex);
  else if (chosen.length > 1) chosen[chosen.length - 1] = lastIndex;
  return chosen;
}

// Calm colours from green (least severe) to red (most severe); drawn translucent behind the line.
const BAND_COLOURS = ['#3f8f5a', '#8bab45', '#d3b03a', '#df8a3a', '#c8503f'];

/** The colour of band `index` of `count`, spread over the green-to-red scale. */
export function bandColour(index: number, count: number): string {
  const last = BAND_COLOURS.length - 1;
  const at = count <= 1 ? 0 : Math.round((index / (count - 1)) * last);
  return BAND_COLOURS[at] ?? '#888888';
}

/**
 * A band label broken into lines of at most `maxChars` (at word breaks) that fit `room` px of height at
 * `lineHeight` px a line; what does not fit is cut with an ellipsis.
 */
export function labelLines(label: string, room: number, maxChars = 21, lineHeight = 13): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= maxChars)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const fit = Math.max(1, Math.floor(room / lineHeight));
  if (lines.length <= fit) return lines;
  const kept = lines.slice(0, fit);
  kept[fit - 1] = `${kept[fit - 1] ?? ''}…`;
  return kept;
}
