// What a chart on the outcomes pages draws, as data: horizontal bars, stacked monthly bars or monthly lines.
import type { MonthlyTable } from './monthly-rows.ts';
import type { NumberTable } from './number-table.ts';

/** One horizontal bar: a value with its words, and optionally a 95 % interval drawn as a whisker. */
export interface Bar {
  label: string;
  /** Null draws no bar and says why in `text`. */
  value: number | null;
  /** The words beside the bar ("50 % (1 of 2)", "12 days"). */
  text: string;
  interval?: { lower: number; upper: number } | null;
  colour?: string;
}

/** One line of a monthly trend: a value per month, in the order of the chart's months. */
export interface TrendLine {
  name: string;
  colour: string;
  /** SVG stroke-dasharray, so lines differ by more than colour. */
  dash: string;
  values: number[];
}

export type ChartSpec =
  | { kind: 'bars'; bars: Bar[]; min: number; max: number; summary: string }
  | { kind: 'stacked'; monthly: MonthlyTable }
  | { kind: 'lines'; months: string[]; lines: TrendLine[]; summary: string };

/** A chart with the table of its numbers. */
export interface ChartWithNumbers {
  chart: ChartSpec;
  numbers: NumberTable;
}

/**
 * Colours that stay apart for the common colour-vision deficiencies (Okabe & Ito 2008, "Color Universal
 * Design"), darkened where needed for contrast on white.
 */
export const SERIES_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#8a6d00', '#56b4e9'] as const;

/** Dash patterns paired with the colours, so a line is told apart in grey print too. */
export const SERIES_DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4'] as const;

/** The bar colour of a single-series chart (the app's primary blue). */
export const BAR_COLOUR = '#1d4a7a';
