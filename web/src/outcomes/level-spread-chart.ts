// The level-spread measure drawn per proposed level: the share confirmed at another level, and where they went.
import type { LevelNumber } from '../../../src/domain/harm/index.ts';
import type { ChartWithNumbers } from './chart-spec.ts';
import { percent, shareText } from './outcome-text.ts';
import type { MeasureValues } from './outcome-types.ts';
import { sharesChart } from './value-charts.ts';

const LEVELS: readonly LevelNumber[] = [1, 2, 3, 4];

/** Bars of "differing from the proposal" per proposed level and pooled; the table gives every confirmed level. */
export function levelSpreadChart(
  caption: string,
  spread: MeasureValues['level-spread'],
): ChartWithNumbers | null {
  const groups = [
    ...LEVELS.map((l) => [`Proposed level ${l}`, spread.byProposedLevel[l]] as const),
    ['All proposals', spread.pooled] as const,
  ];
  const chart = sharesChart(
    caption,
    groups.map(([label, s]) => [label, s.differingFromProposal] as const),
  );
  if (!chart) return null;
  return {
    chart: chart.chart,
    numbers: {
      caption,
      columns: [
        'Proposal',
        'Assessments',
        ...LEVELS.map((l) => `Confirmed ${l}`),
        'Differing from proposal',
        'Pairs disagreeing',
      ],
      rows: groups.map(([label, s]) => ({
        label,
        cells: [
          s.assessments,
          ...LEVELS.map((l) => s.confirmed[l]),
          shareText(s.differingFromProposal) ?? '–',
          s.pairsDisagreeing.value === null ? '–' : percent(s.pairsDisagreeing.value),
        ],
      })),
    },
  };
}
