// AllergyTable: a patient's allergies with reaction and severity; severe ones stand out.
import { ALLERGY_STATUS_TEXT, allergyStatus } from '../../../src/domain/patient/allergy-status.ts';
import type { PatientRecord } from '../../../src/schemas/patient.ts';
import { DataTable, type Column } from '../ui/DataTable.tsx';

type Allergy = PatientRecord['allergies'][number];

const COLUMNS: readonly Column<Allergy>[] = [
  { header: 'Substance', cell: (a) => a.substance },
  { header: 'Reaction', cell: (a) => a.reaction ?? '—' },
  { header: 'Severity', cell: (a) => a.severity },
];

/** Allergies with their reaction and severity; severe ones stand out. */
export function AllergyTable({ allergies }: { allergies: PatientRecord['allergies'] }) {
  const status = allergyStatus(allergies);
  if (status !== 'recorded') return <p className="muted">{ALLERGY_STATUS_TEXT[status]}</p>;
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
