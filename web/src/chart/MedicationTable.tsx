// MedicationTable: a patient's current medications: name, dose, route, frequency.
import type { PatientRecord } from '../../../src/schemas/patient.ts';
import { DataTable, type Column } from '../ui/DataTable.tsx';

type Medication = PatientRecord['medications'][number];

const COLUMNS: readonly Column<Medication>[] = [
  { header: 'Name', cell: (m) => m.name },
  { header: 'Dose', cell: (m) => m.dose ?? '—' },
  { header: 'Route', cell: (m) => m.route ?? '—' },
  { header: 'Frequency', cell: (m) => m.frequency ?? '—' },
];

/** Current medications: name, dose, route, frequency. */
export function MedicationTable({ medications }: { medications: PatientRecord['medications'] }) {
  return (
    <DataTable
      columns={COLUMNS}
      rows={medications}
      rowKey={(m, i) => `${m.name}-${i}`}
      className="data-table compact"
      wrap={false}
      empty="No medications recorded"
    />
  );
}
