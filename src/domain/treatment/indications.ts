// Indications: the conditions clinic.md's sources treat with ketamine; anything else is flagged for review.
import type { Route } from './protocol-types.ts';
import type { Sourced } from './problems.ts';

/** A condition on the usual list. */
export type IndicationCode =
  | 'unipolar-major-depression'
  | 'treatment-resistant-depression'
  | 'mdd-with-suicidal-ideation'
  | 'bipolar-depression'
  | 'ptsd'
  | 'ocd'
  | 'fibromyalgia'
  | 'crps'
  | 'chronic-pain'
  | 'anxiety-disorder'
  | 'suicidal-ideation';

/** One indication with its sources. */
export interface Indication extends Sourced {
  readonly code: IndicationCode;
  readonly label: string;
  /**
   * False when no guideline or label in clinic.md names it (only a practice blog does): choosing it raises
   * an "outside usual indications" flag, so the prescriber records why.
   */
  readonly onUsualList: boolean;
}

const ASKP = 'ASKP Basics of Administration tenet 1 (seeds/001)';
const KAP = 'seeds/002 (KAP practice blog): therapeutic applications';
const LABEL = 'clinic.md §2 Spravato label';

/** The usual list. */
export const indications: readonly Indication[] = [
  {
    code: 'unipolar-major-depression',
    label: 'Unipolar major depression',
    source: `${ASKP}; clinic.md §1 APA: strongest data for MDE without psychotic features in MDD [V].`,
    certainty: 'verified',
    onUsualList: true,
  },
  {
    code: 'treatment-resistant-depression',
    label: 'Treatment-resistant depression',
    source: `${LABEL}: TRD dosing [V]; §1 CANMAT 2021 [V]; ${KAP}.`,
    certainty: 'verified',
    onUsualList: true,
  },
  {
    code: 'mdd-with-suicidal-ideation',
    label: 'MDD with acute suicidal ideation or behaviour',
    source: `${LABEL}: MDSI dosing [V].`,
    certainty: 'verified',
    onUsualList: true,
  },
  {
    code: 'bipolar-depression',
    label: 'Bipolar depression',
    source: ASKP,
    certainty: 'verified',
    onUsualList: true,
  },
  { code: 'ptsd', label: 'PTSD', source: `${ASKP}; ${KAP}.`, certainty: 'verified', onUsualList: true },
  { code: 'ocd', label: 'OCD', source: ASKP, certainty: 'verified', onUsualList: true },
  {
    code: 'fibromyalgia',
    label: 'Fibromyalgia',
    source: `${ASKP}; clinic.md §3 ASRA 2018: weak or no evidence [V].`,
    certainty: 'verified',
    onUsualList: true,
  },
  {
    code: 'crps',
    label: 'Complex regional pain syndrome',
    source: `${ASKP}; clinic.md §3 ASRA 2018: moderate evidence [V].`,
    certainty: 'verified',
    onUsualList: true,
  },
  {
    code: 'chronic-pain',
    label: 'Chronic pain',
    source: `${ASKP}; clinic.md §3 ASRA 2018 [V].`,
    certainty: 'verified',
    onUsualList: true,
  },
  {
    code: 'anxiety-disorder',
    label: 'Anxiety disorders (GAD, social anxiety, panic)',
    source: `${KAP} (a practice blog, not a guideline).`,
    certainty: 'secondary',
    onUsualList: false,
  },
  {
    code: 'suicidal-ideation',
    label: 'Suicidal ideation',
    source: `${KAP} (a practice blog, not a guideline).`,
    certainty: 'secondary',
    onUsualList: false,
  },
];

/** The indications on the Spravato label (clinic.md §2 [V]); others are off-label for esketamine. */
export const esketamineLabelled: readonly IndicationCode[] = [
  'treatment-resistant-depression',
  'mdd-with-suicidal-ideation',
];

/** Why an indication needs a second look. */
export type IndicationFlagCode = 'outside-usual-indications' | 'outside-esketamine-label';

/** The check: the indication (when on the list) and any flags. */
export interface IndicationCheck {
  readonly indication: Indication | null;
  readonly flags: readonly {
    readonly code: IndicationFlagCode;
    readonly text: string;
    readonly source: string;
  }[];
}

/** Looks `code` up in the list; flags anything else or off the ASKP list, and off-label esketamine use. */
export function indicationCheck(code: string, route?: Route): IndicationCheck {
  const indication = indications.find((i) => i.code === code) ?? null;
  if (indication === null) {
    return {
      indication,
      flags: [
        {
          code: 'outside-usual-indications',
          text: `"${code}" is not on the usual list of indications: record the prescriber's reasoning.`,
          source: `${ASKP}: patients should have a condition appropriate for ketamine treatment.`,
        },
      ],
    };
  }
  const offLabel = route === 'intranasal-esketamine' && !esketamineLabelled.includes(indication.code);
  return {
    indication,
    flags: [
      ...(indication.onUsualList
        ? []
        : [
            {
              code: 'outside-usual-indications' as const,
              text: `${indication.label} is not on the ASKP list of conditions appropriate for ketamine (only a practice blog names it): record the prescriber's reasoning.`,
              source: `${ASKP}: unipolar major depression, bipolar depression, PTSD, OCD, fibromyalgia, CRPS and chronic pain. ${indication.source}`,
            },
          ]),
      ...(offLabel
        ? [
            {
              code: 'outside-esketamine-label' as const,
              text: `${indication.label} is not a labelled indication for esketamine (TRD; MDD with acute suicidal ideation).`,
              source: `${LABEL} [V].`,
            },
          ]
        : []),
    ],
  };
}
