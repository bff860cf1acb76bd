// PatientResultsTable: search results as a table; each name links to the patient's chart.
import { Link } from 'react-router';
import type { PatientSummary } from '../../../src/schemas/patient.ts';
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { formatBirthDate, identifierValue, patientName, sexLabel } from '../ui/format.ts';

const COLUMNS: readonly Column<PatientSummary>[] = [
  { header: 'Name', rowHeader: true, cell: (p) => <Link to={`/patients/${p.id}`}>{patientName(p)}</Link> },
  { header: 'Date of birth', cell: (p) => formatBirthDate(p.birthDate) },
  { header: 'Sex', cell: (p) => (p.sex ? sexLabel(p.sex) : '—') },
  { header: 'NHS number', className: 'nowrap', cell: (p) => identifierValue(p.identifiers, 'nhs') || '—' },
  { header: 'MRN', cell: (p) => identifierValue(p.identifiers, 'mrn') || '—' },
];

/** Name, date of birth with age, sex, NHS number and MRN. */
export function PatientResultsTable({ patients }: { patients: PatientSummary[] }) {
  return (
    <DataTable
      columns={COLUMNS}
      rows={patients}
      rowKey={(p) => p.id}
      caption="Patients found"
      captionHidden
    />
  );
}
