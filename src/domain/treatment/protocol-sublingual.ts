// Default protocol: sublingual ketamine lozenges for ketamine-assisted psychotherapy (clinic.md §3, §6).
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

const KAP_RANGE =
  'clinic.md §3 KAP sublingual ranges [S practitioner blogs]: "general dosage range is 100–400" (Wolfson / Ketamine Training Center)';
const JOURNEY = 'clinic.md §6 Journey Clinical (vendor pages)';
const MINDBLOOM = 'clinic.md §6 Mindbloom (vendor pages)';

/** Sublingual lozenges in a usual 100–400 mg range, in the clinic or at home with a chaperone present. */
export const sublingualKap: ProtocolContent = {
  id: 'sublingual-kap',
  version: '1.1.0',
  title: 'Sublingual ketamine — ketamine-assisted psychotherapy',
  route: 'sublingual',
  publishedAt: '2026-11-22',
  summary:
    'Lozenge doses from practitioner sources (clinic.md §3 [S]) and session models from KAP vendors (Journey Clinical, Mindbloom; §6). No guideline in clinic.md sets KAP doses; review every number.',
  dose: {
    kind: 'mg-range',
    usualMin: setting(100, 'mg', KAP_RANGE, 'secondary'),
    usualMax: setting(400, 'mg', KAP_RANGE, 'secondary'),
    hardMax: setting(
      400,
      'mg',
      `KASPR setting [SYN]: no source in clinic.md gives a ceiling; the same blogs describe >400 mg as the most dissociative band [S]. The hard maximum is the top of the general range, so a higher dose needs the clinic to change this protocol.`,
      'synthesis',
    ),
    step: setting(
      50,
      'mg',
      'clinic.md §3: rapid-dissolving tablets of 50 and 100 mg [S]; doses are whole multiples of 50 mg.',
      'secondary',
    ),
    mgPerKgWarnAbove: setting(
      5,
      'mg/kg',
      `KASPR setting [SYN]: clinic.md §3 (Andrade 2017 [V]): oral bioavailability is about 20–25 %, so 2.0–2.5 mg/kg by mouth is roughly an IV dose; ${ASKP} tenet 5: usual IV dose up to 1 mg/kg. 1 mg/kg ÷ 0.20 = 5 mg/kg, the upper end of the usual IV-equivalent dose; above it the calculation warns. clinic.md §6: Journey Clinical doses lozenges by weight [vendor]. Sublingual bioavailability is not in clinic.md [U].`,
      'synthesis',
    ),
  },
  duration: null,
  courses: [
    {
      id: 'initial-programme',
      label: 'First programme',
      firstDose: null,
      phases: [
        {
          label: 'Six dosing sessions',
          fromWeek: 1,
          toWeek: null,
          sessionsPerWeekMin: null,
          sessionsPerWeekMax: null,
          totalSessions: 6,
          doseNote:
            'Sessions 1–2 with preparation and integration meetings before and after; 3–6 may be self-led.',
          source: `${MINDBLOOM}: first programme "The Basics" (oral tablets at home). No frequency is given.`,
          certainty: 'secondary',
        },
      ],
    },
  ],
  monitoring: {
    vitalsDuringEvery: null,
    vitalsAfterEvery: null,
    bpCheckpoints: [],
    pulseOximetry: rule(
      false,
      'setting',
      `${JOURNEY}: vitals before and after the session; clinic.md gives no pulse-oximetry rule for KAP.`,
      'secondary',
    ),
    chaperoneCheckInEvery: fact(
      15,
      'min',
      `${JOURNEY}: in remote KAP a present chaperone "must visually check-in … every 15 minutes".`,
      'secondary',
    ),
  },
  ...sharedSafety('synthesis'),
  preparation: {
    fasting: fastingLikeSpravato(
      'KASPR setting [SYN]: clinic.md gives no KAP fasting rule; nausea and vomiting are listed adverse effects (§3), so the Spravato preparation rule (§2 [S]) is applied by analogy.',
    ),
    escort: rule(
      true,
      'fact',
      `${JOURNEY}: in-person KAP — transport arranged; ${ASKP} tenet 7: no driving home. Applies to clinic sessions.`,
      'secondary',
    ),
  },
  staffing: {
    aclsClinician: rule(
      true,
      'setting',
      `${ASKP} tenet 6: "A provider credentialed in ACLS should be present during the administration". Asked of clinic sessions only [SYN]: away from the clinic the KAP models in clinic.md §6 use a present chaperone (Journey Clinical) or a peer treatment monitor (Mindbloom). A clinic may switch it off.`,
      'synthesis',
    ),
    prescriberOnSite: rule(
      false,
      'fact',
      `${JOURNEY}: the in-house medical team is on call 24/7 rather than on site.`,
      'secondary',
    ),
    remsEnrolment: noRemsForRacemic,
  },
  sessions: {
    allowed: ['clinic', 'home', 'remote'],
    chaperoneAwayFromClinic: rule(
      true,
      'fact',
      `${JOURNEY}: remote KAP needs a present chaperone; ${MINDBLOOM}: a Peer Treatment Monitor must be physically present at each dosing session.`,
      'secondary',
    ),
    source: `${JOURNEY}: dosing at the therapist's office or remotely on video; ${MINDBLOOM}: at home.`,
    certainty: 'secondary',
  },
  discharge: {
    ...sharedDischarge,
    observation: {
      minimum: setting(
        120,
        'min',
        `KASPR setting [SYN]: ${JOURNEY} in-person dosing sessions last about 2–3 h; the lower end is the minimum, counted from dosing.`,
        'synthesis',
      ),
      from: 'dosing-start',
    },
    escort: rule(
      true,
      'fact',
      `${JOURNEY}: in-person KAP — transport arranged [vendor]; clinic.md §3 ketamine label: accompanied by a responsible adult [V].`,
      'secondary',
    ),
    effectsResolved: rule(
      false,
      'setting',
      'The REMS resolution rule is Spravato\'s (clinic.md §2); "alert and oriented" stands for recovery (§3 RCEM).',
      'verified',
    ),
    noDriving: {
      kind: 'hours-after-end',
      hours: fact(
        12,
        'h',
        `${ASKP} tenet 7: patients receiving ketamine therapeutically should not drive for 12 hours.`,
      ),
    },
  },
};
