// AllergyTable: a patient's allergies with reaction and severity; severe ones stand out.
import { chartAllergyStatus, noAllergyText } from './allergy-words.ts';
import type { PatientRecord } from '../../../src/schemas/patient.ts';
import { DataTable, type Column } from '../ui/DataTable.tsx';

type Allergy = PatientRecord['allergies'][number];

const COLUMNS: readonly Column<Allergy>[] = [
  { header: 'Substance', cell: (a) => a.substance },
  { header: 'Reaction', cell: (a) => a.reaction ?? '—' },
  { header: 'Severity', cell: (a) => a.severity },
];

/** Allergies with their reaction and severity; severe ones stand out. */
export function AllergyTable({
  patient,
}: {
  patient: Pick<PatientRecord, 'allergies' | 'allergyStatus' | 'allergyStatusRecorded'>;
}) {
  const { allergies } = patient;
  const status = chartAllergyStatus(patient);
  if (status !== 'recorded') return <p className="muted">{noAllergyText(patient, status)}</p>;
  return (
    <DataTable
      columns={COLUMNS}
      rows={allergies}
      rowKey={(a, i) => `${a.substance}-${i}`}
      rowClassName={(a) => (a.severity === 'severe' ? 'row-severe' : undefined)}
      className="data-table compact"
      wrap={false}
    />
  );
}
