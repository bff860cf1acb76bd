// Appointments by id and by day: change an appointment's status (reschedule, cancel, attended, did not attend),
// raising a follow-up task when a level 3–4 patient does not attend; one day's list for a practitioner or services.
import { dayWindow, sharedServiceZone, todayInZone } from '../services-today.ts';
import { canChangeStatus, missedNeedsFollowUp } from '../../domain/appointments/status.ts';
import { appointmentStatusSchema, dayListQuery } from '../../schemas/appointments.ts';
import { idParams } from '../../schemas/common.ts';
import { dayListReply, statusChangedReply } from '../../schemas/replies/appointments.ts';
import { insertTask } from '../../store/alerts.ts';
import {
  addAppointmentEvent,
  dayList,
  findAppointment,
  latestConfirmedLevel,
} from '../../store/appointments.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { patientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { auditAccess, recordChange } from '../record-change.ts';

/** "2026-03-02 14:05" (UTC) for a timeline line and a task. */
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export function appointmentRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/appointments/:id/status',
    route('patient:write', { params: idParams, body: appointmentStatusSchema, 200: statusChangedReply }),
    async (req) => {
      const auth = authOf(req);
      const appt = await findAppointment(ctx.db, req.params.id);
      if (!appt) throw problem('not-found');
      const access = await patientAccess(ctx, req, appt.patientId, 'appointment.update');
      const to = req.body.status;
      if (!canChangeStatus(appt.status, to))
        throw problem('conflict', `An appointment that is ${appt.status} cannot be marked ${to}.`);
      const now = ctx.now();
      const startsAt =
        to === 'rescheduled' && req.body.startsAt ? new Date(req.body.startsAt) : new Date(appt.startsAt);
      const level = await latestConfirmedLevel(ctx.db, appt.patientId);
      await ctx.db.transaction(async (tx) => {
        await addAppointmentEvent(tx, {
          appointmentId: appt.id,
          status: to,
          startsAt,
          reason: req.body.reason ?? null,
          at: now,
          by: auth.user.id,
        });
        const summary =
          to === 'rescheduled'
            ? `Appointment moved to ${when(startsAt.toISOString())}`
            : `Appointment of ${when(appt.startsAt)}: ${to}`;
        if (missedNeedsFollowUp(to, level)) {
          await insertTask(tx, {
            patientId: appt.patientId,
            serviceId: appt.serviceId,
            assignedTo: appt.practitioner?.id ?? auth.user.id,
            title: `Follow up missed appointment (level ${level ?? ''})`,
            detail: `Did not attend on ${when(appt.startsAt)}. Contact the person and review risk.`,
            priority: 'high',
            sourceType: 'Appointment',
            sourceId: appt.id,
            at: now,
          });
        }
        await recordChange(req, tx, {
          action: 'appointment.update',
          resource: { type: 'Appointment', id: appt.id },
          patientId: appt.patientId,
          timeline: { kind: 'appointment', summary },
          flagged: access.breakGlass,
          details: { status: to },
          now,
        });
      });
      return { id: appt.id, status: to, startsAt: startsAt.toISOString() };
    },
  );

  api.get(
    '/appointments',
    route('patient:read', { querystring: dayListQuery, 200: dayListReply }),
    async (req) => {
      const auth = authOf(req);
      // The day runs from midnight to midnight on the services' clock.
      const zone = await sharedServiceZone(ctx.db, auth.user.service_ids);
      const date = req.query.date ?? todayInZone(ctx.now(), zone);
      const appointments = await dayList(ctx.db, dayWindow(date, zone), {
        serviceIds: auth.user.service_ids,
        ...(req.query.scope === 'mine' ? { practitionerId: auth.user.id } : {}),
      });
      await auditAccess(ctx, req, 'appointment.day-list', 'Appointment', {
        date,
        count: appointments.length,
      });
      return { date, appointments };
    },
  );
}
