// The chart (and its numbers) that suits each measure's value: shares, medians, changes, months, funnel, kappas.
import { funnelChart } from './dashboard-charts.ts';
import type { ChartWithNumbers } from './chart-spec.ts';
import { calibrationChart } from './calibration-charts.ts';
import {
  crisisTable,
  firstLevelTable,
  levelFourTable,
  monthlyNumbers,
  type MonthlyTable,
} from './monthly-rows.ts';
import { levelSpreadChart } from './level-spread-chart.ts';
import type { OutcomeMeasure, ScopeNames } from './outcome-types.ts';
import { practitionerName } from './scope-names.ts';
import { changeChart, sharesChart, summaryChart } from './value-charts.ts';

const stacked = (monthly: MonthlyTable, caption: string): ChartWithNumbers => ({
  chart: { kind: 'stacked', monthly },
  numbers: monthlyNumbers(monthly, caption),
});

/** The chart of one measure, or null when its value has nothing to draw (the card then says why). */
export function chartOf(m: OutcomeMeasure, names: ScopeNames): ChartWithNumbers | null {
  const caption = m.definition.title;
  switch (m.id) {
    case 'days-to-first-sentinel':
    case 'contact-gap':
      return summaryChart(caption, m.value, 'days');
    case 'time-in-treatment':
      return summaryChart(caption, m.value.days, 'days');
    case 'change-days-used':
      return changeChart(caption, m.value, 'days');
    case 'change-sds':
    case 'change-phq9':
      return changeChart(caption, m.value, 'points');
    case 'change-urinary-symptoms':
      return changeChart(caption, m.value, 'symptoms');
    case 'sentinel-at-first-assessment':
      return sharesChart(caption, [['Found at first assessment', m.value]]);
    case 'attended-of-booked':
      return sharesChart(caption, [['Attended', m.value]]);
    case 'did-not-attend-rate':
      return sharesChart(caption, [['Did not attend', m.value]]);
    case 'reviews-on-time':
      return sharesChart(caption, [['On time', m.value]]);
    case 'same-key-worker':
      return sharesChart(caption, [['One key worker', m.value]]);
    case 'phq9-response':
      return sharesChart(caption, [['Responded', m.value]]);
    case 'phq9-remission':
      return sharesChart(caption, [['In remission', m.value]]);
    case 'referral-within-target':
      return sharesChart(caption, [['Within target', m.value.withinTarget]]);
    case 'override-rate':
      return sharesChart(caption, [
        ['All assessments', m.value.overall],
        ...m.value.byTeam.map((g) => [`Team: ${g.key}`, g.result] as const),
        ...m.value.byPractitioner.map((g) => [practitionerName(names, g.key), g.result] as const),
      ]);
    case 'care-plan-matches-level':
      return sharesChart(caption, [
        ['All care plans', m.value.overall],
        ...m.value.byLevel.map((g) => [`Level ${g.key}`, g.result] as const),
      ]);
    case 'level-rose-at-review':
    case 'level-fell-at-review':
      return sharesChart(caption, [
        ['Rose', m.value.rose],
        ['Fell', m.value.fell],
        ['Unchanged', m.value.unchanged],
      ]);
    case 'level-spread':
      return levelSpreadChart(caption, m.value);
    case 'first-level-by-month':
      return stacked(firstLevelTable(m.value), caption);
    case 'level-4-per-month':
      return stacked(levelFourTable(m.value), caption);
    case 'crisis-events-per-month':
      return stacked(crisisTable(m.value), caption);
    case 'identification-funnel':
      return funnelChart(m.value, caption);
    case 'calibration-fleiss-kappa':
    case 'calibration-cohen-kappa':
    case 'calibration-split-vignettes':
      return calibrationChart(m, names);
  }
}
