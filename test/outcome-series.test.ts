// The dashboard's SQL aggregates on a small hand-built organisation with known answers, on the engine under test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentStatus } from '../src/domain/appointments/status.ts';
import {
  defaultPack,
  evaluateHarm,
  isoDate,
  parseAssessment,
  type LevelNumber,
} from '../src/domain/harm/index.ts';
import { escalationByMonth } from '../src/domain/outcomes/index.ts';
import { addAppointmentEvent, insertAppointment } from '../src/store/appointments.ts';
import type { Queryable } from '../src/store/db.ts';
import { insertAssessment, insertCarePlan, insertDecision } from '../src/store/harm.ts';
import { loadEpisodes } from '../src/store/outcome-episodes.ts';
import { loadOutcomeSeries, type OutcomeSeries, type SeriesMonth } from '../src/store/outcome-series.ts';
import { contentOf, insertPatient } from '../src/store/patients.ts';
import { insertService } from '../src/store/services.ts';
import { insertUser } from '../src/store/users.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';

let database: TestDatabase;
const ids = {} as Record<
  'north' | 'south' | 'other' | 'alex' | 'bea' | 'clerk' | `p${1 | 2 | 3 | 4 | 5 | 6 | 7}`,
  string
>;
const FROM = '2026-01-01';
const TO = '2026-03-31';
const at = (iso: string) => new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);

async function patient(tx: Queryable, service: string, createdAt: string, n: number): Promise<string> {
  const content = contentOf({ givenName: `Person${n}`, familyName: 'Synthetic', birthDate: '1990-01-01' });
  return (await insertPatient(tx, service, content, ids.clerk, at(createdAt))).id;
}

/** A harm assessment with the given symptoms; decided at `confirmed` (by `by`) unless `confirmed` is null. */
async function assessment(
  tx: Queryable,
  patientId: string,
  when: string,
  proposed: LevelNumber,
  confirmed: LevelNumber | null,
  by: string,
  symptoms: string[] = [],
): Promise<string | null> {
  const raw = {
    use: { daysUsedLast28: 4, routes: ['nasal'], bingeing: false, escalating: false },
    symptoms: symptoms.map((code) => ({ code })),
    risks: [],
  };
  const parsed = parseAssessment(raw);
  const evaluated = evaluateHarm(raw, defaultPack);
  if (!parsed.ok || !evaluated.ok) throw new Error('test assessment does not evaluate');
  const assessedAt = at(when);
  const id = await insertAssessment(tx, {
    patientId,
    assessment: parsed.value,
    context: {},
    evaluation: { ...evaluated.value, level: proposed },
    assessedAt,
    recordedAt: assessedAt,
    recordedBy: by,
  });
  if (confirmed === null) return null;
  return insertDecision(tx, {
    assessmentId: id,
    patientId,
    proposedLevel: proposed,
    confirmedLevel: confirmed,
    reason: confirmed === proposed ? null : 'Clinical judgement',
    reviewDue: '2026-06-01',
    at: assessedAt,
    by,
  });
}

/** An appointment in `service` whose events are [status, starts_at] pairs, the first being the booking. */
async function appointment(
  tx: Queryable,
  patientId: string,
  service: string,
  practitioner: string,
  events: [AppointmentStatus, string][],
): Promise<void> {
  const [first, ...rest] = events;
  if (!first) throw new Error('an appointment needs a booking');
  const id = await insertAppointment(tx, {
    patientId,
    serviceId: service,
    practitionerId: practitioner,
    contactType: 'in-person',
    durationMinutes: 30,
    note: null,
    startsAt: at(first[1]),
    at: at('2025-12-01'),
    by: ids.clerk,
  });
  for (const [status, startsAt] of rest) {
    await addAppointmentEvent(tx, {
      appointmentId: id,
      status,
      startsAt: at(startsAt),
      reason: null,
      at: at('2025-12-02'),
      by: ids.clerk,
    });
  }
}

async function carePlan(
  tx: Queryable,
  patientId: string,
  when: string,
  keyWorker: string,
  decision: string | null,
) {
  await insertCarePlan(tx, {
    patientId,
    plan: { interventions: [], keyWorkerId: keyWorker },
    reviewDue: '2026-06-01',
    decisionId: decision,
    reason: null,
    at: at(when),
    by: keyWorker,
  });
}

async function crisis(tx: Queryable, patientId: string, service: string, on: string, retracted = false) {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO crisis_events (patient_id, service_id, occurred_on, kind, note, recorded_at, recorded_by)
     VALUES ($1, $2, $3, 'emergency-attendance', null, $4, $5) RETURNING id`,
    [patientId, service, on, at(on), ids.clerk],
  );
  if (retracted && row) {
    await tx.query(
      'INSERT INTO crisis_event_retractions (event_id, reason, recorded_at, recorded_by) VALUES ($1, $2, $3, $4)',
      [row.id, 'Recorded against the wrong person', at(on), ids.clerk],
    );
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.transaction(async (tx) => {
    ids.north = (await insertService(tx, 'North Team')).id;
    ids.south = (await insertService(tx, 'South Team')).id;
    ids.other = (await insertService(tx, 'Other Team')).id;
    const user = (email: string, displayName: string) =>
      insertUser(tx, {
        email,
        displayName,
        passwordHash: null,
        roles: ['practitioner'],
        serviceIds: [ids.north, ids.south],
      });
    ids.alex = await user('alex@clinic.test', 'Alex Able');
    ids.bea = await user('bea@clinic.test', 'Bea Bright');
    ids.clerk = await user('clerk@clinic.test', 'Cal Clerk');
    const { north, south, other, alex, bea } = ids;

    // p1: first assessed in December (before the period); assessed again in January at level 1, no symptoms.
    ids.p1 = await patient(tx, north, '2025-12-15', 1);
    await assessment(tx, ids.p1, '2025-12-20', 1, 1, alex);
    await assessment(tx, ids.p1, '2026-01-10', 1, 1, alex);
    // Booked in the period but rescheduled to before it: its latest event is outside, so it is not counted.
    await appointment(tx, ids.p1, north, alex, [
      ['booked', '2026-01-05'],
      ['rescheduled', '2025-12-31T23:59:00Z'],
    ]);

    // p2: registered in January; first assessed 23:30 UTC on 31 January (still January), overridden 3 → 4, but
    // recorded after the March one, so the first-assessment summary must move back to it.
    ids.p2 = await patient(tx, north, '2026-01-05', 2);
    await assessment(tx, ids.p2, '2026-03-02', 4, 4, bea);
    await assessment(tx, ids.p2, '2026-01-31T23:30:00Z', 3, 4, bea);
    // Attended before the care plan was written: the plan counts, the delivery does not.
    await appointment(tx, ids.p2, north, bea, [
      ['booked', '2026-01-10'],
      ['attended', '2026-01-10'],
    ]);
    await carePlan(tx, ids.p2, '2026-01-20', bea, null);

    // p3 (South): an undecided January assessment, then first decided at midnight UTC on 1 March (March), level 1
    // with a sentinel symptom; attended one second before the period ends.
    ids.p3 = await patient(tx, south, '2026-01-20', 3);
    await assessment(tx, ids.p3, '2026-01-25', 2, null, alex);
    await assessment(tx, ids.p3, '2026-03-01T00:00:00Z', 1, 1, alex, ['urinary-frequency']);
    await appointment(tx, ids.p3, south, bea, [
      ['booked', '2026-03-31T23:59:59Z'],
      ['attended', '2026-03-31T23:59:59Z'],
    ]);

    // p4: registered in March; one appointment moved out of the period, one cancelled.
    ids.p4 = await patient(tx, north, '2026-03-10', 4);
    await appointment(tx, ids.p4, north, alex, [
      ['booked', '2026-03-20'],
      ['rescheduled', '2026-04-05'],
    ]);
    await appointment(tx, ids.p4, north, alex, [
      ['booked', '2026-03-15'],
      ['cancelled', '2026-03-15'],
    ]);

    // p5: registered long ago with an undecided assessment; first decided 8 January at level 3; plan on the 10th,
    // attended on the 15th (delivered); a December booking rescheduled into January and missed.
    ids.p5 = await patient(tx, north, '2025-06-01', 5);
    await assessment(tx, ids.p5, '2025-11-01', 2, null, alex);
    const decision = await assessment(tx, ids.p5, '2026-01-08', 3, 3, alex);
    await assessment(tx, ids.p5, '2026-03-20', 3, 3, bea);
    await carePlan(tx, ids.p5, '2026-01-10', bea, decision);
    await appointment(tx, ids.p5, north, alex, [
      ['booked', '2026-01-15'],
      ['attended', '2026-01-15'],
    ]);
    await appointment(tx, ids.p5, north, bea, [
      ['booked', '2025-12-28'],
      ['rescheduled', '2026-01-20'],
      ['did-not-attend', '2026-01-20'],
    ]);

    // p6: another service, never counted.
    ids.p6 = await patient(tx, other, '2026-01-02', 6);
    await assessment(tx, ids.p6, '2026-01-03', 4, 4, alex, ['visible-haematuria']);
    await appointment(tx, ids.p6, other, alex, [
      ['booked', '2026-01-04'],
      ['attended', '2026-01-04'],
    ]);
    await crisis(tx, ids.p6, other, '2026-01-05');

    // p7 (South): crisis events on 12 January and 31 March, one in February retracted; a care plan naming Alex.
    ids.p7 = await patient(tx, south, '2025-01-01', 7);
    await crisis(tx, ids.p7, south, '2026-01-12');
    await crisis(tx, ids.p7, south, '2026-02-10', true);
    await crisis(tx, ids.p7, south, '2026-03-31');
    await carePlan(tx, ids.p7, '2026-03-05', alex, null);
  });
});
afterAll(() => database.drop());

const zero = (month: string): SeriesMonth => ({
  month,
  newPatients: 0,
  firstAssessed: [0, 0, 0, 0],
  assessments: 0,
  overrides: 0,
  level4: 0,
  booked: 0,
  attended: 0,
  didNotAttend: 0,
  crisisEvents: 0,
});

describe('loadOutcomeSeries for the organisation', () => {
  let series: OutcomeSeries;
  beforeAll(async () => {
    series = await loadOutcomeSeries(database.db, { serviceIds: [ids.north, ids.south], from: FROM, to: TO });
  });

  it('gives every month, the empty February too, with registrations, assessments, appointments and crises', () => {
    expect(series.months).toEqual([
      {
        month: '2026-01',
        newPatients: 2,
        firstAssessed: [0, 0, 1, 1],
        assessments: 3,
        overrides: 1,
        level4: 1,
        booked: 3,
        attended: 2,
        didNotAttend: 1,
        crisisEvents: 1,
      },
      zero('2026-02'),
      {
        month: '2026-03',
        newPatients: 1,
        firstAssessed: [1, 0, 0, 0],
        assessments: 3,
        overrides: 0,
        level4: 1,
        booked: 1,
        attended: 1,
        didNotAttend: 0,
        crisisEvents: 1,
      },
    ]);
  });

  it('counts distinct people at each stage of the funnel', () => {
    expect(series.funnel).toEqual({
      inContact: 5,
      assessed: 4,
      harmIdentified: 3,
      carePlanned: 3,
      interventionDelivered: 1,
    });
  });

  it('lists decided assessments and overrides by practitioner, and each team', () => {
    expect(series.practitioners).toEqual([
      { practitionerId: ids.alex, displayName: 'Alex Able', assessments: 3, overrides: 0 },
      { practitionerId: ids.bea, displayName: 'Bea Bright', assessments: 3, overrides: 1 },
    ]);
    expect(series.teams).toEqual([
      {
        serviceId: ids.north,
        name: 'North Team',
        patients: 4,
        assessments: 5,
        overrides: 1,
        attended: 2,
        didNotAttend: 1,
      },
      {
        serviceId: ids.south,
        name: 'South Team',
        patients: 1,
        assessments: 1,
        overrides: 0,
        attended: 1,
        didNotAttend: 0,
      },
    ]);
  });

  it('agrees with the level-4 measure computed from episodes', async () => {
    const from = isoDate(FROM);
    const to = isoDate(TO);
    if (!from || !to) throw new Error('bad test dates');
    const episodes = await loadEpisodes(database.db, { serviceIds: [ids.north, ids.south], from, to });
    expect(series.months.map((m) => m.level4)).toEqual(
      escalationByMonth(episodes, from, to).map((m) => m.level4Assessments),
    );
  });
});

describe('the summary tables kept by triggers', () => {
  it('match the first decided assessments and the latest appointment events worked out from the records', async () => {
    const db = database.db;
    const firsts = await db.query(
      `SELECT DISTINCT ON (a.patient_id) a.patient_id, a.id AS assessment_id, d.confirmed_level
         FROM harm_assessments a JOIN harm_decisions d ON d.assessment_id = a.id
        ORDER BY a.patient_id, a.assessed_at, a.recorded_at, a.id`,
    );
    expect(
      await db.query(
        'SELECT patient_id, assessment_id, confirmed_level FROM outcome_first_assessments ORDER BY patient_id',
      ),
    ).toEqual(firsts);
    const latest = await db.query(
      `SELECT DISTINCT ON (appointment_id) appointment_id, status, starts_at FROM appointment_events
        ORDER BY appointment_id, id DESC`,
    );
    expect(
      await db.query(
        'SELECT appointment_id, status, starts_at FROM outcome_appointment_states ORDER BY appointment_id',
      ),
    ).toEqual(latest);
    const facts = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM harm_decisions d
         LEFT JOIN outcome_assessment_facts f ON f.decision_id = d.id AND f.confirmed_level = d.confirmed_level
        WHERE f.decision_id IS NULL`,
    );
    expect(facts[0]?.n).toBe(0);
  });
});

describe("loadOutcomeSeries over one practitioner's caseload", () => {
  it("counts only the people Alex assessed, saw or key-works, and every practitioner's work with them", async () => {
    const series = await loadOutcomeSeries(database.db, {
      serviceIds: [ids.north, ids.south],
      from: FROM,
      to: TO,
      practitionerId: ids.alex,
    });
    // Caseload: p1, p3 and p5 (assessed by Alex), p5 (seen by Alex), p7 (key worker); not p2 or p4.
    expect(series.months).toEqual([
      {
        ...zero('2026-01'),
        newPatients: 1,
        firstAssessed: [0, 0, 1, 0],
        assessments: 2,
        booked: 2,
        attended: 1,
        didNotAttend: 1,
        crisisEvents: 1,
      },
      zero('2026-02'),
      {
        ...zero('2026-03'),
        firstAssessed: [1, 0, 0, 0],
        assessments: 2,
        booked: 1,
        attended: 1,
        crisisEvents: 1,
      },
    ]);
    expect(series.funnel).toEqual({
      inContact: 3,
      assessed: 3,
      harmIdentified: 2,
      carePlanned: 2,
      interventionDelivered: 1,
    });
    expect(series.practitioners).toEqual([
      { practitionerId: ids.alex, displayName: 'Alex Able', assessments: 3, overrides: 0 },
      { practitionerId: ids.bea, displayName: 'Bea Bright', assessments: 1, overrides: 0 },
    ]);
    expect(series.teams.map((t) => [t.name, t.patients, t.assessments, t.attended])).toEqual([
      ['North Team', 2, 3, 1],
      ['South Team', 1, 1, 1],
    ]);
  });

  it('gives zero figures, not missing ones, for a period with nothing in it', async () => {
    const series = await loadOutcomeSeries(database.db, {
      serviceIds: [ids.north],
      from: '2024-02-10',
      to: '2024-02-20',
    });
    expect(series.months).toEqual([zero('2024-02')]);
    expect(series.funnel).toEqual({
      inContact: 0,
      assessed: 0,
      harmIdentified: 0,
      carePlanned: 0,
      interventionDelivered: 0,
    });
    expect(series.practitioners).toEqual([]);
    expect(series.teams).toEqual([
      {
        serviceId: ids.north,
        name: 'North Team',
        patients: 0,
        assessments: 0,
        overrides: 0,
        attended: 0,
        didNotAttend: 0,
      },
    ]);
  });
});
