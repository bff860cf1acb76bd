// Default protocol: intranasal esketamine (Spravato) per the US label and REMS (clinic.md §2).
import type { ProtocolContent } from './protocol.ts';
import { ASKP, fact, rule, setting, sharedDischarge, sharedSafety } from './protocol-common.ts';

const DOSING = 'clinic.md §2 TRD dosing, adults (US) [V spravatohcp.com; MIMS]';
const DEVICE = 'clinic.md §2 Device and administration [V spravatohcp + MIMS]';
const REMS = 'clinic.md §2 REMS (FDA REMS page, last update 12/31/2024) [V]';

/** Spravato: fixed 56 or 84 mg in 28 mg devices, in a REMS-certified setting, with ≥2 h monitoring. */
export const esketamineIntranasal: ProtocolContent = {
  id: 'esketamine-intranasal',
  version: '1.0.0',
  title: 'Intranasal esketamine (Spravato)',
  route: 'intranasal-esketamine',
  publishedAt: '2026-11-22',
  summary:
    'US label and REMS as summarised in clinic.md §2. The Hong Kong 28 mg dose for patients ≥65 is not encoded (check the US PI first). Get the current REMS Patient Monitoring Form before relying on the record fields.',
  dose: {
    kind: 'fixed-devices',
    allowed: [
      fact(56, 'mg', `${DOSING}: 56 or 84 mg.`),
      fact(84, 'mg', `${DOSING}: 56 or 84 mg; 84 mg only after the initial 56 mg dose.`),
    ],
    deviceMg: fact(28, 'mg', `${DEVICE}: one device holds 28 mg (2 sprays); 56 mg = 2 devices, 84 mg = 3.`),
    restBetweenDevices: fact(5, 'min', `${DEVICE}: rest 5 min between devices.`),
  },
  duration: null,
  courses: [
    {
      id: 'trd',
      label: 'Treatment-resistant depression',
      firstDose: fact(56, 'mg', `${DOSING}: day 1 dose 56 mg; 84 mg only after the initial 56 mg dose.`),
      phases: [
        {
          label: 'Induction',
          fromWeek: 1,
          toWeek: 4,
          sessionsPerWeekMin: 2,
          sessionsPerWeekMax: 2,
          totalSessions: null,
          doseNote: 'Day 1: 56 mg; then 56 or 84 mg twice a week. Assess benefit at the end of induction.',
          source: DOSING,
          certainty: 'verified',
        },
        {
          label: 'Maintenance',
          fromWeek: 5,
          toWeek: 8,
          sessionsPerWeekMin: 1,
          sessionsPerWeekMax: 1,
          totalSessions: null,
          doseNote: '56 or 84 mg once a week.',
          source: DOSING,
          certainty: 'verified',
        },
        {
          label: 'Maintenance from week 9',
          fromWeek: 9,
          toWeek: null,
          sessionsPerWeekMin: 0.5,
          sessionsPerWeekMax: 1,
          totalSessions: null,
          doseNote:
            '56 or 84 mg every 2 weeks or once a week, individualised to the lowest frequency that maintains remission/response.',
          source: DOSING,
          certainty: 'verified',
        },
      ],
    },
    {
      id: 'mdd-suicidal-ideation',
      label: 'MDD with acute suicidal ideation or behaviour',
      firstDose: null,
      phases: [
        {
          label: 'Four weeks',
          fromWeek: 1,
          toWeek: 4,
          sessionsPerWeekMin: 2,
          sessionsPerWeekMax: 2,
          totalSessions: 8,
          doseNote:
            '84 mg twice a week; may be reduced to 56 mg for tolerability. Use beyond 4 weeks has not been systematically evaluated.',
          source: 'clinic.md §2 MDSI [V spravatohcp.com/mdsi]. Total sessions is arithmetic (2 a week × 4).',
          certainty: 'verified',
        },
      ],
    },
  ],
  monitoring: {
    vitalsDuringEvery: null,
    vitalsAfterEvery: setting(
      15,
      'min',
      'KASPR setting [SYN]: the label says BP "as clinically warranted until values remain consistent at a safe level" (clinic.md §2 [V]); 15 min from the suggested default in §3.',
      'synthesis',
    ),
    bpCheckpoints: [
      fact(
        40,
        'min',
        'clinic.md §2: measure BP before dosing and about 40 minutes after [V spravatohcp; MIMS]. A reading counts when taken within the window of bpCheckpointWindow (bp-checkpoint.ts, a KASPR setting: 30–50 min); discharge needs one.',
      ),
    ],
    pulseOximetry: rule(
      true,
      'fact',
      'clinic.md §2: monitor respiratory status, including pulse oximetry, at every session [V]; REMS: a pulse oximeter on site [V].',
      'verified',
    ),
    chaperoneCheckInEvery: null,
  },
  ...sharedSafety('verified'),
  preparation: {
    fasting: {
      ...rule(true, 'fact', 'clinic.md §2 Patient preparation [S droracle quoting the PI].', 'secondary'),
      instructions:
        'No food for at least 2 hours and no liquids for at least 30 minutes before dosing; any nasal corticosteroid or decongestant at least 1 hour before.',
    },
    escort: rule(
      true,
      'fact',
      'clinic.md §2 After the session: transport home must be arranged [V].',
      'verified',
    ),
  },
  staffing: {
    aclsClinician: rule(
      true,
      'setting',
      `${ASKP} tenet 6 (an ACLS provider present during administration) and clinic.md §7.3; the Spravato label itself does not say so.`,
      'verified',
    ),
    prescriberOnSite: rule(
      true,
      'fact',
      `${REMS}: outpatient settings have a prescriber on site during administration and monitoring.`,
      'verified',
    ),
    remsEnrolment: rule(
      true,
      'fact',
      `${REMS}: outpatient settings enroll patients; submit the Patient Enrollment Form before treatment (monitoring form).`,
      'verified',
    ),
  },
  sessions: {
    allowed: ['clinic'],
    chaperoneAwayFromClinic: rule(false, 'fact', 'Certified settings only.', 'verified'),
    source:
      'clinic.md §2 REMS: Spravato is never dispensed to patients for home use; pharmacies dispense only to certified settings [V].',
    certainty: 'verified',
  },
  discharge: {
    ...sharedDischarge,
    observation: {
      minimum: fact(
        120,
        'min',
        `clinic.md §2 boxed warning: monitor at least 2 hours at each session [V]; REMS form: total time from the 1st device to completion of monitoring must be ≥2 h [V].`,
      ),
      from: 'dosing-start',
    },
    escort: rule(true, 'fact', 'clinic.md §2: transport home must be arranged [V].', 'verified'),
    effectsResolved: rule(
      true,
      'fact',
      `${REMS} objective: monitored ≥2 h and until sedation, dissociation and respiratory depression have resolved.`,
      'verified',
    ),
    noDriving: {
      kind: 'next-day-after-sleep',
      source:
        'clinic.md §2 After the session: no driving or operating machinery until the next day, after a restful sleep [V].',
      certainty: 'verified',
    },
  },
};
