// Reads a stored dosing session with its administration events and register product (as the FHIR store returns
// them, JSON times as text) into what the dose and medication mappers take.
import type { ProductRecord, SessionDoseRow } from '../../store/fhir-treatment.ts';
import type { SessionDose } from './dose.ts';
import type { SessionMedicationSource } from './medication.ts';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The session's dose, discharge and administration events, oldest first. */
export function sessionDoseOf(row: SessionDoseRow): SessionDose {
  return {
    sessionId: row.id,
    patientId: row.patient_id,
    route: row.route,
    dose: row.dose,
    startedAt: row.started_at,
    createdBy: row.created_by,
    dischargedAt: row.discharged_at,
    events: (row.events ?? []).map((e) => ({
      kind: e.kind,
      data: e.data,
      at: new Date(e.at),
      recordedAt: new Date(e.recorded_at),
      by: e.by,
    })),
  };
}

/** A register product read back from JSON (its creation time as text). */
function productOf(p: SessionDoseRow['product']): ProductRecord | null {
  return p && { ...p, created_at: new Date(p.created_at) };
}

/** The session's medication: the route, what was entered at the start, and the register product drawn from. */
export function medicationSourceOf(row: SessionDoseRow): SessionMedicationSource {
  const start = (row.events ?? []).find((e) => e.kind === 'administration-start');
  const data = start?.data ?? {};
  const product = productOf(row.product);
  const entered = {
    ...(str(data.product) ? { product: str(data.product) } : {}),
    ...(num(data.concentrationMgPerMl) !== undefined
      ? { concentrationMgPerMl: num(data.concentrationMgPerMl) }
      : {}),
    ...(str(data.lot) ? { lot: str(data.lot) } : {}),
    ...(str(data.expiry) ? { expiry: str(data.expiry) } : {}),
  };
  return {
    sessionId: row.id,
    route: row.route,
    recordedAt: start ? new Date(start.recorded_at) : row.started_at,
    entered: start ? entered : null,
    stock: product ? { product, ...(row.stock_lot ? { lot: row.stock_lot } : {}) } : null,
  };
}
