// Appointments and contacts: bookings with an append-only history of status changes.
import type { AppointmentStatus } from '../domain/appointments/status.ts';
import type { Appointment, PatientAppointment } from '../schemas/replies/appointments.ts';
import { insertReturningId, type Queryable } from './db.ts';

/** An appointment at its latest status (the reply shape of the appointment routes). */
export type AppointmentView = Appointment;

interface Row {
  id: string;
  patient_id: string;
  given_name?: string;
  family_name?: string;
  starts_at: Date;
  duration_minutes: number;
  contact_type: string;
  practitioner_id: string | null;
  practitioner_name: string | null;
  status: AppointmentStatus;
  note: string | null;
}

const CURRENT = `
  SELECT a.id, a.patient_id, a.duration_minutes, a.contact_type, a.practitioner_id, a.note, a.service_id,
         u.display_name AS practitioner_name, e.status, e.starts_at
  FROM appointments a
  JOIN LATERAL (SELECT status, starts_at FROM appointment_events WHERE appointment_id = a.id ORDER BY id DESC LIMIT 1) e ON true
  LEFT JOIN users u ON u.id = a.practitioner_id`;

function view(r: Row): AppointmentView {
  return {
    id: r.id,
    patientId: r.patient_id,
    ...(r.family_name ? { patientName: `${r.family_name.toUpperCase()}, ${r.given_name ?? ''}` } : {}),
    startsAt: r.starts_at.toISOString(),
    durationMinutes: r.duration_minutes,
    contactType: r.contact_type,
    practitioner: r.practitioner_id
      ? { id: r.practitioner_id, displayName: r.practitioner_name ?? '' }
      : null,
    status: r.status,
    note: r.note,
  };
}

export async function insertAppointment(
  tx: Queryable,
  a: {
    patientId: string;
    serviceId: string;
    practitionerId: string | null;
    contactType: string;
    durationMinutes: number;
    note: string | null;
    startsAt: Date;
    at: Date;
    by: string;
  },
): Promise<string> {
  const id = await insertReturningId(
    tx,
    `INSERT INTO appointments (patient_id, service_id, practitioner_id, contact_type, duration_minutes, note, booked_at, booked_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
    [a.patientId, a.serviceId, a.practitionerId, a.contactType, a.durationMinutes, a.note, a.at, a.by],
  );
  await addAppointmentEvent(tx, {
    appointmentId: id,
    status: 'booked',
    startsAt: a.startsAt,
    reason: null,
    at: a.at,
    by: a.by,
  });
  return id;
}

export async function addAppointmentEvent(
  tx: Queryable,
  e: {
    appointmentId: string;
    status: AppointmentStatus;
    startsAt: Date;
    reason: string | null;
    at: Date;
    by: string;
  },
): Promise<void> {
  await tx.query(
    'INSERT INTO appointment_events (appointment_id, status, starts_at, reason, recorded_at, recorded_by) VALUES ($1,$2,$3,$4,$5,$6)',
    [e.appointmentId, e.status, e.startsAt, e.reason, e.at, e.by],
  );
}

export async function findAppointment(
  db: Queryable,
  id: string,
): Promise<(AppointmentView & { serviceId: string }) | undefined> {
  const rows = await db.query<Row & { service_id: string }>(`${CURRENT} WHERE a.id = $1`, [id]);
  return rows[0] ? { ...view(rows[0]), serviceId: rows[0].service_id } : undefined;
}

/** A patient's appointments by start time, each with its status history. */
export async function patientAppointments(db: Queryable, patientId: string): Promise<PatientAppointment[]> {
  const rows = await db.query<Row>(`${CURRENT} WHERE a.patient_id = $1 ORDER BY e.starts_at`, [patientId]);
  const history = await db.query<{
    appointment_id: string;
    status: string;
    starts_at: Date;
    reason: string | null;
    recorded_at: Date;
    display_name: string;
  }>(
    `SELECT e.appointment_id, e.status, e.starts_at, e.reason, e.recorded_at, u.display_name FROM appointment_events e
     JOIN appointments a ON a.id = e.appointment_id JOIN users u ON u.id = e.recorded_by WHERE a.patient_id = $1 ORDER BY e.id`,
    [patientId],
  );
  return rows.map((r) => ({
    ...view(r),
    history: history
      .filter((h) => h.appointment_id === r.id)
      .map((h) => ({
        status: h.status,
        startsAt: h.starts_at.toISOString(),
        reason: h.reason,
        at: h.recorded_at.toISOString(),
        by: h.display_name,
      })),
  }));
}

/** One day's appointments for a practitioner, or for the given services. */
export async function dayList(
  db: Queryable,
  day: { from: Date; until: Date },
  filter: { practitionerId?: string; serviceIds: string[] },
): Promise<AppointmentView[]> {
  const rows = await db.query<Row>(
    `SELECT c.*, v.given_name, v.family_name FROM (${CURRENT}) c
     JOIN patients p ON p.id = c.patient_id JOIN patient_versions v ON v.patient_id = p.id AND v.version = p.current_version
     WHERE c.service_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR c.practitioner_id = $2)
       AND c.starts_at >= $3 AND c.starts_at < $4
     ORDER BY c.starts_at`,
    [filter.serviceIds, filter.practitionerId ?? null, day.from, day.until],
  );
  return rows.map(view);
}

/** The latest confirmed level of need for a patient, or null when none was decided. */
export async function latestConfirmedLevel(db: Queryable, patientId: string): Promise<number | null> {
  const rows = await db.query<{ confirmed_level: number }>(
    'SELECT confirmed_level FROM harm_decisions WHERE patient_id = $1 ORDER BY decided_at DESC LIMIT 1',
    [patientId],
  );
  return rows[0]?.confirmed_level ?? null;
}
