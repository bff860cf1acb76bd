// A dosing session's dose as FHIR R4: the order (MedicationRequest, from the session's checked dose) and what was
// given (MedicationAdministration, from the administration start, rate changes and stop).
import type { CodeableConcept, Quantity } from '../types.ts';
import { instant, meta, prune, ref, SNOMED, text, ucum } from './common.ts';
import type { MedicationAdministration, MedicationRequest } from './treatment-types.ts';

/** One administration event as stored on the session (start, rate change or stop). */
export interface AdministrationEvent {
  kind: string;
  data: Readonly<Record<string, unknown>>;
  at: Date;
  recordedAt: Date;
  by: string;
}

/** A dosing session with its dose plan, discharge and administration events (oldest first). */
export interface SessionDose {
  sessionId: string;
  patientId: string;
  route: string | null;
  dose: Readonly<Record<string, unknown>>;
  startedAt: Date;
  createdBy: string;
  dischargedAt: Date | null;
  events: readonly AdministrationEvent[];
}

/** Route codes (SNOMED CT, R4 route-codes) by KASPR route. */
const ROUTES: Record<string, { code: string; text: string }> = {
  'iv-racemic': { code: '47625008', text: 'Intravenous' },
  im: { code: '78421000', text: 'Intramuscular' },
  'intranasal-esketamine': { code: '46713006', text: 'Intranasal' },
  oral: { code: '26643006', text: 'Oral' },
  sublingual: { code: '37839007', text: 'Sublingual' },
};

export function routeConcept(route: string | null): CodeableConcept | undefined {
  const r = route === null ? undefined : ROUTES[route];
  return r && { coding: [{ system: SNOMED, code: r.code }], text: r.text };
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const mg = (v: unknown): Quantity | undefined => {
  const n = num(v);
  return n === undefined ? undefined : ucum(n, 'mg');
};
const mgPerHour = (v: unknown): Quantity | undefined => {
  const n = num(v);
  return n === undefined ? undefined : ucum(n, 'mg/h');
};

export const medicationRequestId = (sessionId: string) => `${sessionId}-request`;
export const medicationAdministrationId = (sessionId: string) => `${sessionId}-administration`;
export const sessionMedicationId = (sessionId: string) => `${sessionId}-medication`;

/** Who ordered the dose: the prescriber who stood behind a reason for it, else who started the session. */
function requesterOf(s: SessionDose): string {
  const by = s.dose.prescriberReasonBy;
  const userId = typeof by === 'object' && by !== null ? (by as { userId?: unknown }).userId : undefined;
  return typeof userId === 'string' && userId !== '' ? userId : s.createdBy;
}

/** The session's dose order: active until the session is discharged. */
export function medicationRequest(s: SessionDose): MedicationRequest {
  const doseMg = num(s.dose.doseMg);
  const duration = num(s.dose.durationMin);
  const doseText =
    doseMg === undefined ? undefined : `${doseMg} mg${duration === undefined ? '' : ` over ${duration} min`}`;
  const doseAndRate = prune({
    doseQuantity: mg(s.dose.doseMg),
    rateQuantity: mgPerHour(s.dose.rateMgPerHour),
  });
  return prune({
    resourceType: 'MedicationRequest',
    id: medicationRequestId(s.sessionId),
    meta: meta(1, s.dischargedAt ?? s.startedAt),
    status: s.dischargedAt ? 'completed' : 'active',
    intent: 'order',
    medicationReference: ref('Medication', sessionMedicationId(s.sessionId)),
    subject: ref('Patient', s.patientId),
    encounter: ref('Encounter', s.sessionId),
    authoredOn: instant(s.startedAt),
    requester: ref('Practitioner', requesterOf(s)),
    note: text(typeof s.dose.prescriberReason === 'string' ? s.dose.prescriberReason : undefined)
      ? [{ text: String(s.dose.prescriberReason).trim() }]
      : undefined,
    dosageInstruction: [
      prune({
        text: doseText,
        route: routeConcept(s.route),
        doseAndRate: Object.keys(doseAndRate).length > 0 ? [doseAndRate] : undefined,
      }),
    ],
  });
}

/** What was given in the session, or null before the administration starts. */
export function medicationAdministration(s: SessionDose): MedicationAdministration | null {
  const start = s.events.find((e) => e.kind === 'administration-start');
  if (!start) return null;
  const stop = s.events.find((e) => e.kind === 'administration-stop');
  const changes = s.events.filter((e) => e.kind === 'administration-rate-change');
  const latest = [start, ...changes, ...(stop ? [stop] : [])].reduce((a, b) =>
    b.recordedAt > a.recordedAt ? b : a,
  );
  const rate = [start, ...changes]
    .map((e) => num(e.data.rateMgPerHour))
    .filter((r) => r !== undefined)
    .at(-1);
  const performers = [...new Set([start.by, ...(stop ? [stop.by] : [])])];
  return prune<MedicationAdministration>({
    resourceType: 'MedicationAdministration',
    id: medicationAdministrationId(s.sessionId),
    meta: meta(1, latest.recordedAt),
    status: stop ? 'completed' : 'in-progress',
    medicationReference: ref('Medication', sessionMedicationId(s.sessionId)),
    subject: ref('Patient', s.patientId),
    context: ref('Encounter', s.sessionId),
    effectivePeriod: prune({ start: instant(start.at), end: stop ? instant(stop.at) : undefined }),
    performer: performers.map((id) => ({ actor: ref('Practitioner', id) })),
    request: ref('MedicationRequest', medicationRequestId(s.sessionId)),
    dosage: prune({
      route: routeConcept(s.route),
      // At a stop the dose is what was actually given; until then, what was started.
      dose: mg(stop ? stop.data.givenMg : start.data.doseMg),
      rateQuantity: mgPerHour(rate),
    }),
  });
}
