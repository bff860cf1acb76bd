// PatientResultsTable: search results as a table; each name links to the patient's chart.
import { Link } from 'react-router';
import type { PatientSummary } from '../../../src/schemas/patient.ts';
import { formatBirthDate, identifierValue, patientName, sexLabel } from '../ui/format.ts';

/** Name, date of birth with age, sex, NHS number and MRN. */
export function PatientResultsTable({ patients }: { patients: PatientSummary[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">Patients found</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Date of birth</th>
            <th scope="col">Sex</th>
            <th scope="col">NHS number</th>
            <th scope="col">MRN</th>
          </tr>
        </thead>
        <tbody>
          {patients.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link to={`/patients/${p.id}`}>{patientName(p)}</Link>
              </th>
              <td>{formatBirthDate(p.birthDate)}</td>
              <td>{p.sex ? sexLabel(p.sex) : '—'}</td>
              <td className="nowrap">{identifierValue(p.identifiers, 'nhs') || '—'}</td>
              <td>{identifierValue(p.identifiers, 'mrn') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
