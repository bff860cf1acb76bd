// One person on the harm pathway over time: registered, assessed (PHQ-9, SDS, urinary checklist, the structured
// assessment, a decision — sometimes an override — and a care plan), then seen at the rhythm of their level of
// need, reviewed when the review falls due, until they leave the service (some stop coming) or today.
import type { LevelNumber } from '../../domain/harm/index.ts';
import type { Queryable } from '../../store/db.ts';
import { phq9Answers, sdsAnswers, urinaryChecklistAnswers } from './answers.ts';
import {
  appointmentOutcome,
  bookAppointment,
  recordQuestionnaire,
  registerPatient,
  type DemoAppointment,
} from './chart.ts';
import { addDays, addMinutes, clinicTime, DAY_MS, WINDOW_DAYS } from './clock.ts';
import { assessmentInput, clinicianDecision, demoUser, type DemoUser } from './harm-content.ts';
import { recordAssessment, recordCarePlan, recordDecision, type PreviousAssessment } from './harm-steps.ts';
import { uniquePatient } from './people.ts';
import { keyWorkerFor, schedule, type DemoWorld } from './world.ts';

interface HarmPerson {
  index: number;
  patientId: string;
  keyWorker: string;
  user: DemoUser;
  startAt: Date;
  /** When they stop coming (after today: still engaged). */
  endAt: Date;
  severity0: number;
  improvement: number;
  previous?: PreviousAssessment;
  level: LevelNumber | null;
  reviewDue: Date;
  planVersion: number;
  reviews: number;
  /** Contacts attended since the last review. */
  contacts: number;
}

/** Days to the next contact at each level of need. */
const CONTACT_DAYS: Record<LevelNumber, number> = { 1: 63, 2: 42, 3: 28, 4: 1 };

function severityAt(w: DemoWorld, p: HarmPerson, at: Date): number {
  const days = (at.getTime() - p.startAt.getTime()) / DAY_MS;
  const s = p.severity0 * (1 - p.improvement * Math.min(1, days / 150)) + (w.random.next() - 0.5) * 0.16;
  return Math.max(0, Math.min(1, s));
}

/** Adds a person on the harm pathway, first seen on a random working day of the window. */
export function startHarmPerson(w: DemoWorld, index: number): void {
  const r = w.random;
  const day = r.int(0, WINDOW_DAYS - 4); // a working day before today
  const startAt = clinicTime(addDays(w.from, day), r.int(9, 15), r.pick([0, 15, 30, 45]));
  const stays = r.chance(0.12);
  const person: HarmPerson = {
    index,
    patientId: '',
    keyWorker: keyWorkerFor(w),
    user: demoUser(r),
    startAt,
    endAt: stays ? addDays(w.today, 1) : addDays(startAt, r.int(30, 240)),
    severity0: 0.2 + r.next() * 0.65,
    improvement: r.chance(0.7) ? 0.4 + r.next() * 0.5 : r.next() * 0.2,
    level: null,
    reviewDue: startAt,
    planVersion: 0,
    reviews: 0,
    contacts: 0,
  };
  schedule(w, startAt, async (tx, at) => {
    person.patientId = await registerPatient(tx, {
      serviceId: w.serviceId,
      patient: uniquePatient(w, index, at),
      by: person.keyWorker,
      at,
    });
    w.registered += 1;
    await review(w, tx, person, addMinutes(at, 10));
  });
}

/** Questionnaires, the assessment, the decision and (when the level changed) the care plan; then the next booking. */
async function review(w: DemoWorld, tx: Queryable, p: HarmPerson, at: Date): Promise<void> {
  const r = w.random;
  const by = p.keyWorker;
  // A few people come in with a red flag at their first assessment (urgent, level 4), reviewed the next day.
  const flag = p.reviews === 0 ? r.next() : 1;
  const redFlag = flag < 0.03 ? 'suicidal-ideation' : flag < 0.06 ? 'visible-haematuria' : undefined;
  const crisis = redFlag === 'suicidal-ideation';
  const input = assessmentInput(r, p.user, severityAt(w, p, at), redFlag ? { redFlag } : {});
  const base = { patientId: p.patientId, serviceId: w.serviceId, by };
  await recordQuestionnaire(tx, {
    ...base,
    instrument: 'phq-9',
    answers: phq9Answers(r, input.phq9Total, crisis ? 2 : 0),
    completedAt: at,
  });
  // SDS at the first assessment and every other review after.
  if (p.reviews % 2 === 0)
    await recordQuestionnaire(tx, {
      ...base,
      instrument: 'sds',
      answers: sdsAnswers(r, input.sdsTotal),
      completedAt: addMinutes(at, 4),
    });
  if (p.reviews === 0)
    await recordQuestionnaire(tx, {
      ...base,
      instrument: 'ketamine-urinary-checklist',
      answers: urinaryChecklistAnswers(input.urinary),
      completedAt: addMinutes(at, 7),
    });
  const assessedAt = addMinutes(at, 10);
  const saved = await recordAssessment(tx, {
    ...base,
    raw: input.assessment,
    pack: w.pack,
    previous: p.previous,
    assessedAt,
  });
  p.previous = saved.current;
  const { confirmed, reason } = clinicianDecision(r, saved.evaluation.level, 0.14);
  const decidedAt = addMinutes(assessedAt, 25);
  const decision = await recordDecision(tx, {
    assessmentId: saved.id,
    patientId: p.patientId,
    evaluation: saved.evaluation,
    pack: w.pack,
    confirmed,
    reason,
    at: decidedAt,
    timeZone: w.timeZone,
    by,
  });
  if (p.level !== confirmed || p.reviews % 4 === 0) {
    p.planVersion = await recordCarePlan(tx, {
      patientId: p.patientId,
      evaluation: saved.evaluation,
      pack: w.pack,
      confirmed,
      decisionId: decision.id,
      reviewDue: decision.reviewDue,
      keyWorkerId: p.keyWorker,
      goals: p.index + p.reviews,
      version: p.planVersion + 1,
      at: addMinutes(decidedAt, 10),
    });
  }
  p.level = confirmed;
  p.reviews += 1;
  p.contacts = 0;
  p.reviewDue = new Date(`${decision.reviewDue}T00:00:00Z`);
  await bookNext(w, tx, p, addMinutes(decidedAt, 20), CONTACT_DAYS[confirmed]);
}

/** Books the next contact `days` ahead; its outcome happens then (unless that is after today). */
async function bookNext(w: DemoWorld, tx: Queryable, p: HarmPerson, at: Date, days: number): Promise<void> {
  const r = w.random;
  const startsAt = clinicTime(addDays(at, days), r.int(9, 16), r.pick([0, 30]));
  const contactType = r.chance(0.7) ? 'face-to-face' : r.chance(0.6) ? 'phone' : 'video';
  const appt = await bookAppointment(tx, {
    patientId: p.patientId,
    serviceId: w.serviceId,
    practitionerId: p.keyWorker,
    startsAt,
    contactType,
    at,
  });
  schedule(w, startsAt, (tx2, now) => contact(w, tx2, p, appt, now));
}

async function contact(
  w: DemoWorld,
  tx: Queryable,
  p: HarmPerson,
  appt: DemoAppointment,
  at: Date,
): Promise<void> {
  const r = w.random;
  const after = addMinutes(at, 50);
  if (at.getTime() > p.endAt.getTime()) {
    // They have stopped coming: the last booking is missed, and no more are made.
    await appointmentOutcome(tx, appt, 'did-not-attend', p.level, null, after);
    return;
  }
  const roll = r.next();
  if (roll < 0.11) {
    await appointmentOutcome(tx, appt, 'did-not-attend', p.level, null, after);
    await bookNext(w, tx, p, addMinutes(after, 30), 7);
    return;
  }
  if (roll < 0.17) {
    await appointmentOutcome(
      tx,
      appt,
      'cancelled',
      p.level,
      'Cancelled by the person: unwell',
      addMinutes(at, -180),
    );
    await bookNext(w, tx, p, addMinutes(at, -170), 7);
    return;
  }
  await appointmentOutcome(tx, appt, 'attended', p.level, null, after);
  p.contacts += 1;
  const due = at.getTime() >= p.reviewDue.getTime() - 3 * DAY_MS;
  if (due && (p.contacts >= 2 || p.level === 4)) await review(w, tx, p, addMinutes(at, 5));
  else await bookNext(w, tx, p, addMinutes(after, 5), CONTACT_DAYS[p.level ?? 2]);
}
