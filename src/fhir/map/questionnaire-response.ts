// A saved questionnaire response as a FHIR R4 QuestionnaireResponse, and its total as a survey Observation.
import { answerSystem, QUESTIONNAIRE_BASE } from '../../domain/instruments/fhir-types.ts';
import type { InstrumentDefinition } from '../../domain/instruments/types.ts';
import type { ResponseRow } from '../../store/responses.ts';
import type {
  CodeableConcept,
  Observation,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
} from '../types.ts';
import { instant, KASPR_BASE, loinc, meta, observationCategory, prune, ref } from './common.ts';

/** Local CodeSystem of instrument totals that have no LOINC code (code = instrument id). */
export const INSTRUMENT_TOTAL_SYSTEM = `${KASPR_BASE}/CodeSystem/instrument-total`;

function sameInstrument(row: ResponseRow, def: InstrumentDefinition): void {
  if (row.instrument_id !== def.id)
    throw new Error(`response ${row.id} is a ${row.instrument_id}, not a ${def.id}`);
}

function answeredItems(row: ResponseRow, def: InstrumentDefinition): QuestionnaireResponseItem[] {
  const system = answerSystem(def.id);
  return def.items.flatMap((item) => {
    const score = row.answers[item.number];
    if (typeof score !== 'number') return [];
    return [{ linkId: item.number, answer: [{ valueCoding: { system, code: String(score) } }] }];
  });
}

export function toFhirQuestionnaireResponse(
  row: ResponseRow,
  def: InstrumentDefinition,
): QuestionnaireResponse {
  sameInstrument(row, def);
  const patient = ref('Patient', row.patient_id);
  const selfReport = row.source === 'self-report';
  const clinician =
    row.recorded_by === null
      ? undefined
      : prune({ ...ref('Practitioner', row.recorded_by), display: row.recorded_by_name ?? undefined });
  return prune<QuestionnaireResponse>({
    resourceType: 'QuestionnaireResponse',
    id: row.id,
    meta: meta(1, row.recorded_at),
    questionnaire: `${QUESTIONNAIRE_BASE}${def.id}|${row.instrument_version}`,
    status: 'completed',
    subject: patient,
    authored: instant(row.completed_at),
    author: selfReport ? patient : clinician,
    source: selfReport ? patient : undefined,
    item: answeredItems(row, def),
  });
}

/** The total's code: the definition's LOINC total code, else the local instrument-total code. */
function totalCode(def: InstrumentDefinition): CodeableConcept {
  const label = `${def.shortTitle} total score`;
  if (def.loinc.total !== undefined) return loinc([{ code: def.loinc.total }], label);
  return { coding: [{ system: INSTRUMENT_TOTAL_SYSTEM, code: def.id }], text: label };
}

/** The response's total as a survey Observation derived from it, or null when the response has no total. */
export function questionnaireTotal(row: ResponseRow, def: InstrumentDefinition): Observation | null {
  sameInstrument(row, def);
  if (row.total === null) return null;
  return {
    resourceType: 'Observation',
    id: `${row.id}-total`,
    meta: meta(1, row.recorded_at),
    status: 'final',
    category: [observationCategory('survey')],
    code: totalCode(def),
    subject: ref('Patient', row.patient_id),
    effectiveDateTime: instant(row.completed_at),
    valueInteger: row.total,
    derivedFrom: [ref('QuestionnaireResponse', row.id)],
  };
}
