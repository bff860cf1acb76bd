// /treatment-sessions/:id: one dosing session with its flowsheet, administration status and discharge.
import { sessionDetailReply } from '../../schemas/replies/treatment.ts';
import { administrationStatus, plannedDoseOf } from '../../domain/treatment/administration.ts';
import { idParams } from '../../schemas/common.ts';
import { sessionEvents } from '../../store/treatment.ts';
import { type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { auditRead } from '../patient-access.ts';
import { visibleSession } from '../session-access.ts';

export function treatmentSessionRoutes(api: ZodApp, ctx: AppContext): void {
  api.get(
    '/treatment-sessions/:id',
    route('patient:read', { params: idParams, 200: sessionDetailReply }),
    async (req) => {
      const { session, access } = await visibleSession(ctx, req, 'treatment-session.read');
      const events = await sessionEvents(ctx.db, session.id);
      await auditRead(ctx, req, access, 'treatment-session.read', 'TreatmentSession', session.id);
      return {
        id: session.id,
        patientId: session.patient_id,
        protocol: session.protocol_ref,
        setting: session.setting,
        startedAt: session.started_at.toISOString(),
        baseline: session.baseline,
        dose: session.dose,
        prechecks: session.prechecks,
        administration: administrationStatus(plannedDoseOf(session.dose), events),
        events: events.map((e) => ({
          id: e.id,
          kind: e.kind,
          at: e.at.toISOString(),
          data: e.data,
          recordedBy: e.recorded_by_name,
        })),
        discharge: session.discharged_at
          ? {
              dischargedAt: session.discharged_at.toISOString(),
              noDrivingUntil: session.no_driving_until?.toISOString() ?? null,
              summary: session.discharge_summary ?? {},
              pdfPath: `/api/v1/treatment-sessions/${session.id}/discharge-summary.pdf`,
            }
          : null,
      };
    },
  );
}
