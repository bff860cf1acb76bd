// Vitals chart geometry: the plot box, scales from reading and time to pixels, ticks, and the spoken summary.
import { plotOf } from '../ui/chart-frame.tsx';

/** The SVG's coordinate box; the right margin holds the alert-line labels. */
export const BOX = { width: 720, height: 280, left: 44, right: 104, top: 22, bottom: 30 } as const;
export const PLOT = plotOf(BOX);
// Points sit this far inside the plot so the first and last are not cut by the axes.
const INSET = 14;

/** One reading as drawn: time in ms and the three charted values. */
export interface ChartReading {
  id: number;
  at: number;
  systolic: number;
  diastolic: number;
  heartRate: number;
  baseline: boolean;
}

/** A range in steps of 20 holding every value with a margin of 10, never below 0. */
export function valueRange(values: readonly number[]): { min: number; max: number } {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { min: 40, max: 200 };
  const min = Math.max(0, Math.floor((Math.min(...finite) - 10) / 20) * 20);
  const max = Math.ceil((Math.max(...finite) + 10) / 20) * 20;
  return { min, max: max > min ? max : min + 20 };
}

/** Value → y pixel, `min` at the bottom of the plot. */
export function valueScale(min: number, max: number): (value: number) => number {
  const span = max - min || 1;
  return (v) => PLOT.y1 - ((v - min) / span) * (PLOT.y1 - PLOT.y0);
}

/** Time (ms) → x pixel; a single instant sits in the middle. */
export function timeScale(first: number, last: number): (time: number) => number {
  const left = PLOT.x0 + INSET;
  const right = PLOT.x1 - INSET;
  if (!(last > first)) return () => (left + right) / 2;
  return (t) => left + ((t - first) / (last - first)) * (right - left);
}

/** Value ticks every 20 (every 40 over a span above 200). */
export function valueTicks(min: number, max: number): number[] {
  const step = max - min > 200 ? 40 : 20;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max; v += step) ticks.push(v);
  return ticks;
}

/** Up to `count` evenly spaced instants from first to last (one when they are equal). */
export function timeTicks(first: number, last: number, count = 5): number[] {
  if (!(last > first)) return [first];
  return Array.from({ length: count }, (_, i) => first + ((last - first) * i) / (count - 1));
}

/** Label y positions moved apart to at least `gap` px, keeping their order. */
export function spreadLabels(ys: readonly number[], gap = 12): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const out = [...ys];
  let last = -Infinity;
  for (const { y, i } of order) {
    const placed = Math.max(y, last + gap);
    out[i] = placed;
    last = placed;
  }
  return out;
}

const range = (values: readonly number[], unit: string) => {
  const first = values[0];
  const last = values[values.length - 1];
  if (first === undefined || last === undefined) return '';
  return values.length === 1 ? `${first} ${unit}` : `from ${first} to ${last} ${unit}`;
};

/** "Vitals chart: systolic from 120 to 124 mmHg, diastolic from 80 to 82 mmHg, heart rate from 70 to 72 bpm, over 9 readings". */
export function vitalsSummary(readings: readonly ChartReading[]): string {
  if (readings.length === 0) return 'Vitals chart: no readings';
  const n = readings.length;
  return `Vitals chart: systolic ${range(
    readings.map((r) => r.systolic),
    'mmHg',
  )}, diastolic ${range(
    readings.map((r) => r.diastolic),
    'mmHg',
  )}, heart rate ${range(
    readings.map((r) => r.heartRate),
    'bpm',
  )}, over ${n} ${n === 1 ? 'reading' : 'readings'}`;
}
