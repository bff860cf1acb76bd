// Service outcome report shapes, taken from the server's reply schemas (and through them from the measure
// functions), so a changed measure fails the build here; plus the order the page shows the families in.
import type { z } from 'zod';
import type { MeasureFamily } from '../../../src/domain/outcomes/index.ts';
import type {
  outcomeSeriesReply,
  pilotComparisonReply,
  serviceOutcomesReply,
} from '../../../src/schemas/replies/outcomes.ts';

export type {
  ChangeFromBaseline,
  CohenKappa,
  Computed,
  EscalationMonth,
  FirstLevelMonth,
  FleissKappa,
  Funnel,
  Interval,
  MeanComparison,
  MeasureDefinition,
  MeasureFamily,
  MeasureId,
  OutcomeSeries,
  PilotRow,
  PractitionerRow,
  Proportion,
  ProportionComparison,
  SeriesMonth,
  Summary,
  TeamRow,
} from '../../../src/domain/outcomes/index.ts';
export type { ScopeNames } from '../../../src/schemas/replies/outcomes.ts';

/** The reply to GET /reports/service-outcomes. */
export type ServiceOutcomes = z.output<typeof serviceOutcomesReply>;

/** One measure of the report: its id, written definition and value, the value typed by the id. */
export type OutcomeMeasure = ServiceOutcomes['measures'][number];

/** The value each measure carries, by measure id. */
export type MeasureValues = { [K in OutcomeMeasure['id']]: Extract<OutcomeMeasure, { id: K }>['value'] };

/** The reply to GET /reports/service-outcomes/series: the charts' figures, fast at national scale. */
export type OutcomeSeriesReport = z.output<typeof outcomeSeriesReply>;

/** The reply to GET /reports/pilot-comparison. */
export type PilotComparison = z.output<typeof pilotComparisonReply>;

/** One group of a pilot comparison as the reply describes it. */
export type PilotGroupView = PilotComparison['first'];

/** The families in the order the page shows them, with their headings. */
export const FAMILIES: readonly { family: MeasureFamily; heading: string }[] = [
  { family: 'earlier-identification', heading: 'Earlier identification' },
  { family: 'consistency', heading: 'Consistency' },
  { family: 'alignment', heading: 'Alignment' },
  { family: 'engagement', heading: 'Engagement' },
  { family: 'continuity', heading: 'Continuity' },
  { family: 'escalation', heading: 'Escalation' },
  { family: 'outcomes', heading: 'Outcomes' },
];
