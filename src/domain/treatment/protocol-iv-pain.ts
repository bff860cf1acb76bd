// Default protocol: IV racemic ketamine for chronic pain (ASKP tenet 5; ASRA/AAPM/ASA 2018, clinic.md §3).
import type { ProtocolContent } from './protocol.ts';
import { ASKP, fact, setting } from './protocol-common.ts';
import { ivDischarge, ivSessionRules } from './protocol-iv-psychiatric.ts';

const ASRA =
  'clinic.md §3 ASRA/AAPM/ASA chronic-pain consensus 2018 (Cohen, Reg Anesth Pain Med 43(5):521–546): CRPS 0.35 mg/kg/h over 4 h daily for 10 days [V]';

/** IV racemic ketamine for chronic pain: higher doses over longer infusions than the psychiatric protocol. */
export const ivRacemicPain: ProtocolContent = {
  id: 'iv-racemic-pain',
  version: '1.1.0',
  title: 'IV racemic ketamine — chronic pain',
  route: 'iv-racemic',
  publishedAt: '2026-11-22',
  summary:
    'ASKP tenet 5: chronic pain conditions typically require higher doses over longer periods. The upper usual dose and the longest infusion come from the ASRA CRPS regimen (moderate evidence); other pain conditions have weak or no evidence (clinic.md §3). The ASRA regimens are rates (0.35 mg/kg/h over 4 h), so the protocol limits the rate as well as the total: a reason above 0.5 mg/kg/h, and no infusion above 1 mg/kg/h, the low-dose limit.',
  dose: {
    kind: 'weight-based',
    usualMin: fact(0.5, 'mg/kg', `${ASKP} tenet 5: usual starting dose 0.5–1 mg/kg IV.`),
    usualMax: setting(
      1.4,
      'mg/kg',
      `${ASRA}: 0.35 × 4 h = 1.4 mg/kg a session (arithmetic). ${ASKP} tenet 5: chronic pain needs higher doses over longer periods.`,
      'verified',
    ),
    hardMax: setting(
      2.0,
      'mg/kg',
      'KASPR setting [SYN]: clinic.md §3 calls >2.0 mg/kg IV/IM anaesthetic (avoided in KAP) [S] and gives anaesthetic induction as 1–4.5 mg/kg [V label]; the hard maximum sits at that line, not beyond it.',
      'synthesis',
    ),
    rateReasonAbove: setting(
      0.5,
      'mg/kg/h',
      `KASPR setting [SYN]: ${ASRA}; spinal cord injury pain 0.42 mg/kg/h [V]. Faster than about 0.5 mg/kg/h is above every ASRA regimen, so a prescriber's reason is needed (clinical-safety review 2026-12 §6 item 14).`,
      'synthesis',
    ),
    rateHardMax: setting(
      1,
      'mg/kg/h',
      'clinic.md §3 Pennsylvania "Guidelines for Safe Administration of Low-Dose Ketamine" (2020): low dose means infusions ≤1 mg/kg/h; above is sedation or anaesthesia territory needing a higher level of monitoring [V]. Used as the hard stop for this clinic protocol; a clinic may change it.',
      'verified',
    ),
    lowDoseRateCeiling: fact(
      1,
      'mg/kg/h',
      'clinic.md §3 Pennsylvania low-dose guideline (2020): infusions ≤1 mg/kg/h [V]. The ASRA regimens (0.35 and 0.42 mg/kg/h) sit under it.',
    ),
  },
  duration: {
    min: fact(40, 'min', `${ASKP} tenet 5: 40–60 min starting infusions.`),
    max: fact(240, 'min', `${ASRA}: 4-hour infusions.`),
    default: null,
  },
  courses: [
    {
      id: 'crps-daily',
      label: 'CRPS: daily infusions',
      firstDose: null,
      phases: [
        {
          label: 'Daily for 10 days',
          fromWeek: 1,
          toWeek: 2,
          sessionsPerWeekMin: 7,
          sessionsPerWeekMax: 7,
          totalSessions: 10,
          doseNote: '0.35 mg/kg/h over 4 h',
          source: `${ASRA}. Weeks are arithmetic (10 consecutive days).`,
          certainty: 'verified',
        },
      ],
    },
  ],
  ...ivSessionRules,
  discharge: ivDischarge,
};
