// What the FHIR API reads of the harm pathway's contacts, scoped to services (and patients when a search names
// them): appointments with their status changes, onward referrals with their outcome, inbound treatment referrals.
import type { Queryable } from './db.ts';
import type { Scope } from './fhir-sources.ts';
import { inScope, isUuid, scopeArgs } from './fhir-harm.ts';

/** An appointment as booked, with its service. */
export interface AppointmentRow {
  id: string;
  patient_id: string;
  service_id: string;
  practitioner_id: string | null;
  practitioner_name: string | null;
  contact_type: string;
  duration_minutes: number;
  note: string | null;
  booked_at: Date;
}

/** One status change of an appointment (the booking is the first). */
export interface AppointmentEventRow {
  appointment_id: string;
  status: 'booked' | 'rescheduled' | 'cancelled' | 'attended' | 'did-not-attend';
  starts_at: Date;
  reason: string | null;
  recorded_at: Date;
}

/** An appointment with its status changes, oldest first. */
export interface AppointmentRecord {
  appointment: AppointmentRow;
  events: AppointmentEventRow[];
}

const APPOINTMENTS = `
  SELECT a.id, a.patient_id, a.service_id, a.practitioner_id, u.display_name AS practitioner_name, a.contact_type,
         a.duration_minutes, a.note, a.booked_at
  FROM appointments a LEFT JOIN users u ON u.id = a.practitioner_id`;

async function withEvents(db: Queryable, appointments: AppointmentRow[]): Promise<AppointmentRecord[]> {
  const events = await db.query<AppointmentEventRow>(
    `SELECT appointment_id, status, starts_at, reason, recorded_at FROM appointment_events
     WHERE appointment_id = ANY($1::uuid[]) ORDER BY id`,
    [appointments.map((a) => a.id)],
  );
  const byAppointment = new Map<string, AppointmentEventRow[]>();
  for (const e of events) {
    const list = byAppointment.get(e.appointment_id);
    if (list) list.push(e);
    else byAppointment.set(e.appointment_id, [e]);
  }
  return appointments.map((appointment) => ({
    appointment,
    events: byAppointment.get(appointment.id) ?? [],
  }));
}

/** Every appointment in scope with its status changes, oldest first. */
export async function appointmentsInScope(db: Queryable, scope: Scope): Promise<AppointmentRecord[]> {
  const rows = await db.query<AppointmentRow>(
    `${APPOINTMENTS} WHERE a.service_id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR a.patient_id = ANY($2::uuid[]))
     ORDER BY a.booked_at, a.id`,
    scopeArgs(scope),
  );
  return withEvents(db, rows);
}

/** One appointment with its status changes, oldest first, or undefined. */
export async function findAppointmentRecord(
  db: Queryable,
  id: string,
): Promise<AppointmentRecord | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await db.query<AppointmentRow>(`${APPOINTMENTS} WHERE a.id = $1`, [id]);
  return (await withEvents(db, rows))[0];
}

/** An onward referral with its outcome (made or cancelled), if recorded. */
export interface OnwardReferralRow {
  id: string;
  patient_id: string;
  service_id: string;
  decision_id: string | null;
  destination: string;
  confirmed_level: number;
  decided_on: string;
  target_days: number;
  reason: string | null;
  recorded_at: Date;
  recorded_by: string;
  recorded_by_name: string;
  outcome: 'made' | 'cancelled' | null;
  outcome_on: string | null;
  outcome_note: string | null;
  outcome_at: Date | null;
}

const ONWARD = `
  SELECT r.id, r.patient_id, r.service_id, r.decision_id, r.destination, r.confirmed_level, r.decided_on,
         r.target_days, r.reason, r.recorded_at, r.recorded_by, u.display_name AS recorded_by_name,
         e.kind AS outcome, e.on_date AS outcome_on, e.note AS outcome_note, e.recorded_at AS outcome_at
  FROM onward_referrals r JOIN users u ON u.id = r.recorded_by
  LEFT JOIN onward_referral_events e ON e.referral_id = r.id`;

export function onwardReferralsInScope(db: Queryable, scope: Scope): Promise<OnwardReferralRow[]> {
  return db.query<OnwardReferralRow>(
    `${ONWARD} WHERE r.service_id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR r.patient_id = ANY($2::uuid[]))
     ORDER BY r.recorded_at, r.id`,
    scopeArgs(scope),
  );
}

export async function findOnwardReferral(db: Queryable, id: string): Promise<OnwardReferralRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (await db.query<OnwardReferralRow>(`${ONWARD} WHERE r.id = $1`, [id]))[0];
}

/** An inbound treatment referral, with when eligibility was first signed after it (which completes it). */
export interface InboundReferralRow {
  id: string;
  patient_id: string;
  service_id: string;
  indication: string;
  indication_other: string | null;
  referrer: string | null;
  received_on: string | null;
  recorded_at: Date;
  recorded_by: string;
  recorded_by_name: string;
  eligibility_at: Date | null;
}

const INBOUND = `
  SELECT r.id, r.patient_id, p.service_id, r.indication, r.indication_other, r.referrer, r.received_on,
         r.recorded_at, r.recorded_by, u.display_name AS recorded_by_name,
         (SELECT min(e.signed_at) FROM treatment_eligibility e
          WHERE e.patient_id = r.patient_id AND e.signed_at >= r.recorded_at) AS eligibility_at
  FROM treatment_referrals r JOIN patients p ON p.id = r.patient_id JOIN users u ON u.id = r.recorded_by`;

export function inboundReferralsInScope(db: Queryable, scope: Scope): Promise<InboundReferralRow[]> {
  return db.query<InboundReferralRow>(
    `${INBOUND} WHERE ${inScope('r')} ORDER BY r.recorded_at, r.id`,
    scopeArgs(scope),
  );
}

export async function findInboundReferral(
  db: Queryable,
  id: string,
): Promise<InboundReferralRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (await db.query<InboundReferralRow>(`${INBOUND} WHERE r.id = $1`, [id]))[0];
}
