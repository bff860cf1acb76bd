// The shared MDT formulation of a patient: immutable numbered versions, newest first.
import { insertValues, type Queryable } from './db.ts';

/** The four texts of a formulation version. */
export interface FormulationContent {
  presentingHarms: string;
  drivers: string;
  protectiveFactors: string;
  goals: string;
}

export interface FormulationRow {
  version: number;
  content: FormulationContent;
  recorded_at: Date;
  display_name: string;
}

/** Every version of a patient's formulation, newest first, with the author's display name. */
export function listFormulations(db: Queryable, patientId: string): Promise<FormulationRow[]> {
  return db.query<FormulationRow>(
    `SELECT f.version, f.content, f.recorded_at, u.display_name FROM formulations f JOIN users u ON u.id = f.recorded_by
     WHERE f.patient_id = $1 ORDER BY f.version DESC`,
    [patientId],
  );
}

/**
 * The patient's latest formulation version (0 before the first), holding a lock on the patient until the
 * transaction ends, so two editors of the same version cannot both save.
 */
export async function lockFormulationVersion(tx: Queryable, patientId: string): Promise<number> {
  await tx.query('SELECT id FROM patients WHERE id = $1 FOR UPDATE', [patientId]);
  const [row] = await tx.query<{ v: number }>(
    'SELECT COALESCE(max(version), 0) AS v FROM formulations WHERE patient_id = $1',
    [patientId],
  );
  return row?.v ?? 0;
}

export async function insertFormulation(
  tx: Queryable,
  f: { patientId: string; version: number; content: FormulationContent; at: Date; by: string },
): Promise<void> {
  await insertValues(tx, 'formulations', {
    patient_id: f.patientId,
    version: f.version,
    content: JSON.stringify(f.content),
    recorded_at: f.at,
    recorded_by: f.by,
  });
}
