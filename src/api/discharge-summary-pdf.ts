// Gathers what the discharge summary PDF shows: the stored summary, the session's events, the service and prescriber.
import { dischargeAdvice } from '../domain/consent/documents.ts';
import { readDischargeRecord } from '../documents/discharge-record.ts';
import { renderDischargeSummary } from '../documents/discharge-summary.ts';
import type { Queryable } from '../store/db.ts';
import { serviceForDocuments } from '../store/services.ts';
import { sessionPrescriberName } from '../store/session-people.ts';
import { sessionEvents, type SessionRow } from '../store/treatment.ts';
import { sessionProtocol } from './session-vitals.ts';

/** The PDF for a discharged session; times on the service's clock with its zone. */
export async function dischargeSummaryPdf(
  db: Queryable,
  session: SessionRow & { discharged_at: Date; no_driving_until: Date },
  patient: { givenName: string; familyName: string; birthDate: string },
): Promise<Buffer> {
  const protocol = sessionProtocol(session.protocol);
  const stored = (session.discharge_summary ?? {}) as { ifUnwell?: unknown; administrationEndedAt?: unknown };
  const events = await sessionEvents(db, session.id);
  const record = readDischargeRecord(session.discharge_summary, events);
  const ended = new Date(
    typeof stored.administrationEndedAt === 'string' ? stored.administrationEndedAt : session.discharged_at,
  );
  const pdf = await renderDischargeSummary({
    patient,
    clinic: await serviceForDocuments(db, session.service_id),
    protocolTitle: protocol.title,
    route: protocol.route,
    noDrivingRule: protocol.discharge.noDriving.kind,
    noDrivingSource:
      protocol.discharge.noDriving.kind === 'hours-after-end'
        ? protocol.discharge.noDriving.hours.source
        : protocol.discharge.noDriving.source,
    prescriber:
      record.prescriber ??
      (await sessionPrescriberName(db, {
        patientId: session.patient_id,
        route: protocol.route,
        createdBy: session.created_by,
      })),
    doseGivenMg: record.doseGivenMg,
    administrationStartedAt: record.administrationStartedAt,
    administrationEndedAt: ended,
    dischargedAt: session.discharged_at,
    noDrivingUntil: session.no_driving_until,
    vitals: record.vitals,
    alerts: record.alerts,
    observations: record.observations,
    ifUnwell: typeof stored.ifUnwell === 'string' ? stored.ifUnwell : dischargeAdvice.text,
    ifUnwellSource: dischargeAdvice.source,
  });
  return pdf;
}
