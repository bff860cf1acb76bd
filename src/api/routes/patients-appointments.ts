// A patient's appointments and contacts: book one; list them with their history and the next one due.
import { bookAppointmentSchema } from '../../schemas/appointments.ts';
import { createdReply } from '../../schemas/replies/common.ts';
import { patientAppointmentsReply } from '../../schemas/replies/appointments.ts';
import { insertAppointment, patientAppointments } from '../../store/appointments.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { chartRead, chartWrite } from '../route.ts';
import { patientAccess, patientRead } from '../patient-access.ts';
import { added, recordChange } from '../record-change.ts';
import { requireStaffOfService } from '../references.ts';

/** "2026-03-02 14:05" (UTC) for a timeline line. */
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export function patientAppointmentRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/patients/:id/appointments',
    chartWrite({ body: bookAppointmentSchema, 201: createdReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const access = await patientAccess(ctx, req, req.params.id, 'appointment.create');
      await requireStaffOfService(ctx.db, access.serviceId, {
        'body.practitionerId': req.body.practitionerId,
      });
      const now = ctx.now();
      const id = await ctx.db.transaction(async (tx) => {
        const created = await insertAppointment(tx, {
          patientId: access.patientId,
          serviceId: access.serviceId,
          practitionerId: req.body.practitionerId ?? null,
          contactType: req.body.contactType,
          durationMinutes: req.body.durationMinutes,
          note: req.body.note ?? null,
          startsAt: new Date(req.body.startsAt),
          at: now,
          by: auth.user.id,
        });
        const line = `Appointment booked for ${when(req.body.startsAt)} (${req.body.contactType})`;
        await recordChange(req, tx, { ...added('appointment', created, line), access, now });
        return created;
      });
      return reply.status(201).send({ id });
    },
  );

  api.get('/patients/:id/appointments', chartRead({ 200: patientAppointmentsReply }), async (req) => {
    const access = await patientRead(ctx, req, req.params.id, 'appointment.list', 'Appointment');
    const appointments = await patientAppointments(ctx.db, access.patientId);
    const now = ctx.now().toISOString();
    const next =
      appointments.find((a) => (a.status === 'booked' || a.status === 'rescheduled') && a.startsAt >= now) ??
      null;
    return { appointments, next };
  });
}
