// One person on the treatment pathway: referred, registered, screened and consented on their first visit, an
// induction course of six IV infusions two or three a week (some stop early), integration sessions, PHQ-9 and
// GAD-7 over time, and for some monthly maintenance infusions, each after a new weight.
import type { Queryable } from '../../store/db.ts';
import { gad7Answers, phq9Answers } from './answers.ts';
import { recordQuestionnaire, recordTherapySession, registerPatient, reweigh } from './chart.ts';
import { addDays, addMinutes, clinicTime, isoDay, WINDOW_DAYS } from './clock.ts';
import { recordDosingSession, type DosingPerson } from './dosing.ts';
import { uniquePatient } from './people.ts';
import { recordConsent, recordEligibility, recordReferral } from './treatment-steps.ts';
import { restingVitals } from './vitals.ts';
import { schedule, type DemoWorld } from './world.ts';

interface TreatmentPerson {
  index: number;
  dosing: DosingPerson;
  baselinePhq9: number;
  responder: boolean;
  /** Maintenance infusions after the induction course (0: none). */
  maintenance: number;
  sessions: number;
  mgPerKg: number;
  slot: [number, number];
}

const INDICATIONS = [
  'treatment-resistant-depression',
  'treatment-resistant-depression',
  'unipolar-major-depression',
  'ptsd',
  'bipolar-depression',
];
const REFERRERS = [
  'GP: Dr A. Example, Demo Surgery',
  'Community mental health team',
  'Consultant psychiatrist, Demo Trust',
];
const SLOTS: [number, number][] = [
  [9, 0],
  [10, 45],
  [13, 30],
  [15, 0],
];
const INTEGRATION_NOTES = [
  'Talked through the experience of the infusion; themes of loss and self-criticism. Agreed a daily walk and journalling.',
  'Reviewed sleep and mood since the last infusion; noticing more energy in the mornings. Plan to reconnect with a friend.',
  'Discussed dissociative content; reassured and normalised. Values work on what matters in the next month.',
];

/** PHQ-9 total after `sessions` infusions: responders fall towards mild, others change little. */
function phq9After(w: DemoWorld, p: TreatmentPerson, sessions: number): number {
  const progress = Math.min(1, sessions / 6);
  const target = p.responder ? 6 : p.baselinePhq9 - 3;
  return Math.max(0, Math.round(p.baselinePhq9 - (p.baselinePhq9 - target) * progress + w.random.int(-2, 2)));
}

export function startTreatmentPerson(w: DemoWorld, index: number): void {
  const r = w.random;
  // Late enough that screening happens inside the window.
  const day = r.int(7, WINDOW_DAYS - 4);
  const startAt = clinicTime(addDays(w.from, day), r.int(9, 11), r.pick([0, 30]));
  schedule(w, startAt, async (tx, at) => {
    const patient = uniquePatient(w, index, at);
    const patientId = await registerPatient(tx, {
      serviceId: w.serviceId,
      patient,
      by: w.staff.practitioner,
      at,
    });
    w.registered += 1;
    const person: TreatmentPerson = {
      index,
      dosing: {
        patientId,
        serviceId: w.serviceId,
        consentId: '',
        weight: { kg: patient.weight?.kg ?? 70, measuredOn: isoDay(at) },
        resting: restingVitals(r),
        pregnancyStatus: patient.sex === 'female' ? 'not-pregnant' : 'not-applicable',
        past: [],
      },
      baselinePhq9: r.int(15, 24),
      responder: r.chance(0.6),
      maintenance: r.chance(0.35) ? r.int(1, 5) : 0,
      sessions: 0,
      mgPerKg: r.pick([0.5, 0.5, 0.5, 0.75]),
      slot: r.pick(SLOTS),
    };
    await screen(
      w,
      tx,
      person,
      at,
      `${patient.givenName} ${patient.familyName}`,
      patient.medications?.map((m) => m.name) ?? [],
    );
  });
}

async function screen(
  w: DemoWorld,
  tx: Queryable,
  p: TreatmentPerson,
  at: Date,
  name: string,
  medications: string[],
) {
  const r = w.random;
  const patientId = p.dosing.patientId;
  const base = { patientId, serviceId: w.serviceId, by: w.staff.practitioner };
  await recordReferral(tx, {
    patientId,
    indication: r.pick(INDICATIONS),
    referrer: r.pick(REFERRERS),
    receivedOn: isoDay(addDays(at, -r.int(10, 30))),
    at: addMinutes(at, 5),
    by: w.staff.prescriber,
  });
  await recordQuestionnaire(tx, {
    ...base,
    instrument: 'phq-9',
    answers: phq9Answers(r, p.baselinePhq9, r.chance(0.12) ? 1 : 0),
    completedAt: addMinutes(at, 15),
  });
  await recordQuestionnaire(tx, {
    ...base,
    instrument: 'gad-7',
    answers: gad7Answers(r, r.int(8, 18)),
    completedAt: addMinutes(at, 20),
  });
  await recordEligibility(tx, {
    patientId,
    route: w.protocol.route,
    medications,
    pregnancyStatus: p.dosing.pregnancyStatus,
    baselineBp: { systolic: p.dosing.resting.systolic, diastolic: p.dosing.resting.diastolic },
    at: addMinutes(at, 45),
    by: { id: w.staff.prescriber, name: w.names.prescriber },
  });
  p.dosing.consentId = await recordConsent(tx, {
    patientId,
    route: w.protocol.route,
    name,
    witnessId: w.staff.nurse,
    at: addMinutes(at, 60),
    by: w.staff.prescriber,
  });
  await recordTherapySession(tx, {
    patientId,
    kind: 'preparation',
    dosingSessionId: null,
    heldAt: addMinutes(at, 75),
    minutes: 50,
    notes: 'Preparation: what to expect during an infusion, intentions for the course, safety plan reviewed.',
    by: w.staff.practitioner,
  });
  const first = clinicTime(addDays(at, r.int(2, 5)), p.slot[0], p.slot[1]);
  schedule(w, first, (tx2, now) => dose(w, tx2, p, now));
}

async function dose(w: DemoWorld, tx: Queryable, p: TreatmentPerson, at: Date): Promise<void> {
  const r = w.random;
  const sessionId = await recordDosingSession(tx, {
    random: r,
    person: p.dosing,
    staff: { prescriberId: w.staff.prescriber, prescriberName: w.names.prescriber, nurseId: w.staff.nurse },
    register: w.register,
    protocol: w.protocol,
    timeZone: w.timeZone,
    start: at,
    mgPerKgDose: p.mgPerKg,
    surge: r.chance(0.04),
  });
  p.sessions += 1;
  const n = p.sessions;
  const base = { patientId: p.dosing.patientId, serviceId: w.serviceId, by: w.staff.practitioner };
  const phq9 = (when: Date) =>
    schedule(w, when, (tx2, t) =>
      recordQuestionnaire(tx2, {
        ...base,
        instrument: 'phq-9',
        answers: phq9Answers(r, phq9After(w, p, n)),
        completedAt: t,
      }).then(() => undefined),
    );
  if (n === 1 || n === 3 || n >= 6)
    schedule(w, clinicTime(addDays(at, 1), 14), (tx2, t) =>
      recordTherapySession(tx2, {
        ...base,
        kind: 'integration',
        dosingSessionId: sessionId,
        heldAt: t,
        minutes: 50,
        notes: r.pick(INTEGRATION_NOTES),
      }),
    );
  const inInduction = n < 6;
  if (inInduction && n >= 2 && r.chance(0.06)) {
    phq9(clinicTime(addDays(at, 14), 11)); // stopped early: one follow-up
    return;
  }
  if (n === 3) phq9(clinicTime(addDays(at, 1), 15));
  if (inInduction) {
    schedule(w, clinicTime(addDays(at, r.int(2, 3)), p.slot[0], p.slot[1]), (tx2, t) => dose(w, tx2, p, t));
    return;
  }
  phq9(clinicTime(addDays(at, 7), 11));
  if (n - 6 < p.maintenance) {
    const next = clinicTime(addDays(at, r.int(28, 42)), p.slot[0], p.slot[1]);
    schedule(w, addMinutes(next, -20), async (tx2, t) => {
      const kg = Math.max(45, p.dosing.weight.kg + r.int(-1, 1));
      await reweigh(tx2, {
        patientId: p.dosing.patientId,
        kg,
        measuredOn: isoDay(t),
        by: w.staff.nurse,
        at: t,
      });
      p.dosing.weight = { kg, measuredOn: isoDay(t) };
    });
    schedule(w, next, (tx2, t) => dose(w, tx2, p, t));
  } else {
    for (const weeks of [4, 8, 12]) phq9(clinicTime(addDays(at, weeks * 7), 11));
  }
}
