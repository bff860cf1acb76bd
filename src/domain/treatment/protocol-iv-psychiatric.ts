// Default protocol: IV racemic ketamine for psychiatric indications (ASKP tenets, APA consensus, clinic.md §1, §3).
import type { ProtocolContent } from './protocol.ts';
import {
  ASKP,
  fact,
  fastingLikeSpravato,
  noRemsForRacemic,
  rule,
  setting,
  sharedDischarge,
  sharedSafety,
} from './protocol-common.ts';

const ASKP_DOSE = `${ASKP} tenet 5: usual starting dose 0.5–1 mg/kg IV over 40–60 min; escalation may be necessary.`;
const LOW_DOSE =
  'clinic.md §3 Pennsylvania "Guidelines for Safe Administration of Low-Dose Ketamine" (2020): low dose is an infusion ≤1 mg/kg/h; above it needs a higher level of monitoring [V]. Used as a warning.';

/** Shared by both IV protocols: monitoring, preparation, staffing and where sessions may happen. */
export const ivSessionRules = {
  monitoring: {
    vitalsDuringEvery: fact(
      10,
      'min',
      'clinic.md §1 Emory (684 infusions) and Yale (2,342 infusions): BP every 10 min during the infusion [V].',
    ),
    vitalsAfterEvery: fact(15, 'min', 'clinic.md §1 Emory: BP every 15 min after the infusion [V].'),
    bpCheckpoints: [],
    pulseOximetry: rule(
      true,
      'fact',
      'clinic.md §3 Monitoring: continuous BP, HR and SpO2 through the infusion and recovery [S droracle]; suggested default SpO2 continuous.',
      'secondary',
    ),
    chaperoneCheckInEvery: null,
  },
  ...sharedSafety('synthesis'),
  preparation: {
    fasting: fastingLikeSpravato(
      'KASPR setting [SYN]: clinic.md gives no IV fasting rule; nausea and vomiting are listed adverse effects (§3), so the only preparation rule it gives (Spravato, §2: ≥2 h no food, ≥30 min no liquids [S]) is applied by analogy.',
    ),
    escort: rule(
      true,
      'fact',
      `${ASKP} tenet 7: patients should not drive themselves home; clinic.md §3 ketamine label: accompanied by a responsible adult [V].`,
      'verified',
    ),
  },
  staffing: {
    aclsClinician: rule(
      true,
      'fact',
      `${ASKP} tenet 6: a provider credentialed in ACLS should be present during the administration; clinic.md §1 APA summary [S].`,
      'verified',
    ),
    prescriberOnSite: rule(
      false,
      'setting',
      'clinic.md names a prescriber-on-site rule only for Spravato (§2 REMS); not required for racemic IV.',
      'verified',
    ),
    remsEnrolment: noRemsForRacemic,
  },
  sessions: {
    allowed: ['clinic'],
    chaperoneAwayFromClinic: rule(false, 'fact', 'Clinic sessions only (ASKP tenet 8).', 'verified'),
    source: `${ASKP} tenet 8: no medically unsupervised parenteral ketamine; seeds/002: IV is typically given in a clinic setting.`,
    certainty: 'verified',
  },
} as const satisfies Pick<
  ProtocolContent,
  'monitoring' | 'alerts' | 'weight' | 'preDose' | 'preparation' | 'staffing' | 'sessions'
>;

/** Discharge rules shared by both IV protocols. */
export const ivDischarge: ProtocolContent['discharge'] = {
  ...sharedDischarge,
  observation: {
    minimum: setting(
      30,
      'min',
      `KASPR setting [SYN]: clinic.md gives no minimum after an IV infusion; ${ASKP} tenet 6 requires vital signs back at pre-administration values, Szarmach 2020 found BP and HR back within 1.5 h and Emory measured every 15 min afterwards (clinic.md §1 [V]). 30 min after the infusion ends is a floor; the vitals rule still applies.`,
      'synthesis',
    ),
    from: 'administration-end',
  },
  escort: rule(
    true,
    'fact',
    'clinic.md §3 ketamine label: on an outpatient basis, accompanied by a responsible adult [V].',
    'verified',
  ),
  effectsResolved: rule(
    false,
    'setting',
    'The REMS resolution rule is Spravato\'s (clinic.md §2); for IV, "alert and oriented" stands for recovery (§3 RCEM).',
    'verified',
  ),
  noDriving: {
    kind: 'hours-after-end',
    hours: fact(12, 'h', `${ASKP} tenet 7: no driving for 12 hours after the infusion.`),
  },
};

/** IV racemic ketamine for depression and other psychiatric indications. */
export const ivRacemicPsychiatric: ProtocolContent = {
  id: 'iv-racemic-psychiatric',
  version: '1.0.0',
  title: 'IV racemic ketamine — psychiatric indications',
  route: 'iv-racemic',
  publishedAt: '2026-11-22',
  summary:
    'Built from the ASKP administration tenets and the APA consensus (Sanacora 2017), which "is not intended to serve as a standard, guideline, clinical policy, or absolute requirement" (clinic.md §1). Every setting is the clinic\'s to review.',
  dose: {
    kind: 'weight-based',
    usualMin: fact(
      0.5,
      'mg/kg',
      `${ASKP_DOSE} clinic.md §1: most published reports used 0.5 mg/kg over 40 min (APA authors' reply) [V].`,
    ),
    usualMax: fact(1.0, 'mg/kg', ASKP_DOSE),
    hardMax: setting(
      1.5,
      'mg/kg',
      'KASPR setting [SYN]: ASKP tenet 5 allows escalation without a ceiling; clinic.md §3 gives anaesthetic induction as 1–4.5 mg/kg (average 2) [V label] and calls >2.0 mg/kg IV/IM anaesthetic [S]. 1.5 mg/kg stays below both.',
      'synthesis',
    ),
    lowDoseRateCeiling: fact(1, 'mg/kg/h', LOW_DOSE),
    // The psychiatric limits are per session over 40–60 min (ASKP tenet 5); the rate warning above covers the rest.
    rateReasonAbove: null,
    rateHardMax: null,
  },
  duration: {
    min: fact(40, 'min', ASKP_DOSE),
    max: fact(60, 'min', ASKP_DOSE),
    default: fact(
      40,
      'min',
      "clinic.md §1: most published reports used 0.5 mg/kg over 40 minutes (APA authors' reply) [V].",
    ),
  },
  courses: [
    {
      id: 'induction',
      label: 'Induction series',
      firstDose: null,
      phases: [
        {
          label: 'Induction: 6 infusions, 2 or 3 a week',
          fromWeek: 1,
          toWeek: 3,
          sessionsPerWeekMin: 2,
          sessionsPerWeekMax: 3,
          totalSessions: 6,
          doseNote: null,
          source:
            "clinic.md §1 Frequency: 0.5 mg/kg over 40 min, 2 or 3 times a week, 6 doses in total [S Psychiatric Times]; another clinic twice a week, 6 sessions [S]; Sanacora's own wording [U]. Week 3 is arithmetic (6 at ≥2 a week). No maintenance schedule is given.",
          certainty: 'secondary',
        },
      ],
    },
  ],
  ...ivSessionRules,
  discharge: ivDischarge,
};
