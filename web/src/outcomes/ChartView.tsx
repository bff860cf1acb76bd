// ChartView: draws a chart spec (bars, stacked months or trend lines) with "Show the numbers" beneath it.
import type { ChartWithNumbers } from './chart-spec.ts';
import { HorizontalBars } from './HorizontalBars.tsx';
import { MonthlyChart } from './MonthlyChart.tsx';
import { NumbersToggle } from './NumbersToggle.tsx';
import { TrendChart } from './TrendChart.tsx';

/** The chart, then its table behind a toggle. */
export function ChartView({ chart, numbers }: ChartWithNumbers) {
  return (
    <div className="outcome-chart">
      {chart.kind === 'bars' ? (
        <HorizontalBars bars={chart.bars} min={chart.min} max={chart.max} summary={chart.summary} />
      ) : chart.kind === 'stacked' ? (
        <MonthlyChart {...chart.monthly} />
      ) : (
        <TrendChart months={chart.months} lines={chart.lines} summary={chart.summary} />
      )}
      <NumbersToggle table={numbers} />
    </div>
  );
}
