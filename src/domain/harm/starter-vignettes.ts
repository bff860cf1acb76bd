// Starter calibration vignettes shipped with the harm pack: six fictional cases, one or two per level of need.
import type { HarmAssessment } from './assessment.ts';
import type { LevelNumber } from './pack-types.ts';

/** A fictional case a new service can rate before writing its own, with the level it was written for. */
export interface StarterVignette {
  /** Stable key; the title carries it, so loading the set twice adds nothing. */
  readonly key: string;
  readonly title: string;
  readonly narrative: string;
  readonly assessment: HarmAssessment;
  /** The level whose definition in the default pack (default-pack.ts `levels`) the case was written to meet. */
  readonly referenceLevel: LevelNumber;
  /** Where the case's deciding features come from. */
  readonly source: string;
}

const FICTIONAL = 'Fictional starter case for calibration practice; not a real person.';

const use = (daysUsedLast28: number, more: Partial<HarmAssessment['use']> = {}): HarmAssessment['use'] => ({
  daysUsedLast28,
  routes: ['nasal'],
  bingeing: false,
  escalating: false,
  ...more,
});

/**
 * The starter set: levels 1 to 4, each case built on the deciding feature of one default-pack rule, and its
 * reference level the pack level whose definition it meets (harm.md §2.2, §2.3, §5.3; default-pack.ts levels).
 * The titles start "Starter:" so a team sees at once that these are not its own cases.
 */
export const starterVignettes: readonly StarterVignette[] = [
  {
    key: 'occasional-no-symptoms',
    title: 'Starter: occasional use, no symptoms',
    narrative: `${FICTIONAL} Uses ketamine nasally on two days a month at festivals with friends; no urinary, abdominal, cognitive or mood symptoms; asks for information.`,
    assessment: { use: use(2), symptoms: [], risks: [] },
    referenceLevel: 1,
    source:
      'Level 1 "Harm reduction and monitoring" (default-pack.ts; harm.md §3.2 NICE CG51 1.1.1.1, §5.2 Tier 2): no sentinel symptom or risk.',
  },
  {
    key: 'weekend-urinary-frequency',
    title: 'Starter: weekend use with urinary frequency',
    narrative: `${FICTIONAL} Uses most weekends, about six days in the last four weeks; has noticed passing urine more often for a month; no blood in the urine, no pain.`,
    assessment: { use: use(6), symptoms: [{ code: 'urinary-frequency' }], risks: [] },
    referenceLevel: 2,
    source:
      'Level 2 "Brief or extended intervention with physical health monitoring" (default-pack.ts): a sentinel urinary symptom (harm.md §2.3; rule sentinel-urinary-symptom).',
  },
  {
    key: 'bingeing-low-mood',
    title: 'Starter: bingeing with low mood',
    narrative: `${FICTIONAL} Uses on three days a month, but in binges lasting the whole weekend; reports low mood in the days after; no physical symptoms.`,
    assessment: { use: use(3, { bingeing: true }), symptoms: [{ code: 'low-mood' }], risks: [] },
    referenceLevel: 2,
    source:
      'Level 2 (default-pack.ts): bingeing (harm.md §2.7; rule bingeing) and a mental-health sentinel (harm.md §2.6; rule sentinel-mental-health-symptom).',
  },
  {
    key: 'urgency-after-stopping',
    title: 'Starter: urgency persisting after stopping',
    narrative: `${FICTIONAL} Stopped using six weeks ago after a year of regular use; urinary urgency has not settled since stopping; no blood in the urine.`,
    assessment: {
      use: use(0),
      symptoms: [{ code: 'urinary-urgency', persistsAfterStoppingWeeks: 6 }],
      risks: [],
    },
    referenceLevel: 3,
    source:
      'Level 3 "Structured multidisciplinary treatment" (default-pack.ts): urinary symptoms persisting more than 4 weeks after stopping (harm.md §2.2 BNSSG; rule urinary-symptoms-persist-after-stopping).',
  },
  {
    key: 'near-daily-abdominal-pain',
    title: 'Starter: near-daily use with abdominal cramps',
    narrative: `${FICTIONAL} Uses on about 22 of the last 28 days, mostly alone in the evenings; has cramping abdominal pain most weeks.`,
    assessment: { use: use(22), symptoms: [{ code: 'abdominal-pain' }], risks: [] },
    referenceLevel: 3,
    source:
      'Level 3 (default-pack.ts): near-daily use (rule near-daily-use; harm.md §2.7) with an abdominal sentinel (harm.md §2.4).',
  },
  {
    key: 'visible-haematuria',
    title: 'Starter: visible blood in the urine',
    narrative: `${FICTIONAL} Uses on about ten days a month; has seen blood in the urine twice this week, with frequency and pain passing urine.`,
    assessment: {
      use: use(10),
      symptoms: [{ code: 'visible-haematuria' }, { code: 'urinary-frequency' }, { code: 'dysuria' }],
      risks: [],
    },
    referenceLevel: 4,
    source:
      'Level 4 "Urgent" (default-pack.ts): a red flag, visible haematuria (harm.md §2.2 BNSSG; rule red-flag-visible-haematuria).',
  },
];
