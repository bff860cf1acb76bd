// Saved questionnaire responses: immutable, with the score the engine gave at the time and its version.
import type { ScoreResult } from '../domain/instruments/types.ts';
import { insertRow, type Queryable } from './db.ts';

export interface ResponseRow {
  id: string;
  patient_id: string;
  instrument_id: string;
  instrument_version: string;
  answers: Record<string, number | null>;
  result: ScoreResult;
  total: number | null;
  completeness: string;
  completed_at: Date;
  source: 'clinician' | 'self-report';
  recorded_at: Date;
  recorded_by: string | null;
  recorded_by_name: string | null;
}

export interface NewResponse {
  patientId: string;
  result: ScoreResult;
  answers: Record<string, number | null>;
  completedAt: Date;
  source: 'clinician' | 'self-report';
  recordedAt: Date;
  recordedBy: string | null;
  selfReportLinkId?: string;
}

export function insertResponse(tx: Queryable, r: NewResponse): Promise<string> {
  return insertRow(tx, 'questionnaire_responses', {
    patient_id: r.patientId,
    instrument_id: r.result.instrumentId,
    instrument_version: r.result.instrumentVersion,
    answers: JSON.stringify(r.answers),
    result: JSON.stringify(r.result),
    total: r.result.total,
    completeness: r.result.completeness,
    completed_at: r.completedAt,
    source: r.source,
    recorded_at: r.recordedAt,
    recorded_by: r.recordedBy,
    self_report_link_id: r.selfReportLinkId ?? null,
  });
}

/** A patient's responses in time order, optionally for one instrument. */
export async function listResponses(
  db: Queryable,
  patientId: string,
  instrumentId?: string,
): Promise<ResponseRow[]> {
  return db.query<ResponseRow>(
    `SELECT r.*, u.display_name AS recorded_by_name FROM questionnaire_responses r
     LEFT JOIN users u ON u.id = r.recorded_by
     WHERE r.patient_id = $1 AND ($2::text IS NULL OR r.instrument_id = $2)
     ORDER BY r.completed_at, r.recorded_at`,
    [patientId, instrumentId ?? null],
  );
}

/** The id of a response to this instrument the patient completed at this instant, if one is held. */
export async function findResponseAt(
  db: Queryable,
  patientId: string,
  instrumentId: string,
  completedAt: Date,
): Promise<string | undefined> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM questionnaire_responses WHERE patient_id = $1 AND instrument_id = $2 AND completed_at = $3
     ORDER BY recorded_at LIMIT 1`,
    [patientId, instrumentId, completedAt],
  );
  return rows[0]?.id;
}
