// RecordLists: the allergy and medication tables of a patient record (chart details and history).
import type { PatientRecord } from '../../../src/schemas/patient.ts';

/** Allergies with their reaction and severity; severe ones stand out. */
export function AllergyTable({ allergies }: { allergies: PatientRecord['allergies'] }) {
  if (allergies.length === 0) return <p className="muted">No known allergies recorded</p>;
  return (
    <table className="data-table compact">
      <thead>
        <tr>
          <th scope="col">Substance</th>
          <th scope="col">Reaction</th>
          <th scope="col">Severity</th>
        </tr>
      </thead>
      <tbody>
        {allergies.map((a, i) => (
          <tr key={`${a.substance}-${i}`} className={a.severity === 'severe' ? 'row-severe' : undefined}>
            <td>{a.substance}</td>
            <td>{a.reaction ?? '—'}</td>
            <td>{a.severity}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Current medications: name, dose, route, frequency. */
export function MedicationTable({ medications }: { medications: PatientRecord['medications'] }) {
  if (medications.length === 0) return <p className="muted">No medications recorded</p>;
  return (
    <table className="data-table compact">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Dose</th>
          <th scope="col">Route</th>
          <th scope="col">Frequency</th>
        </tr>
      </thead>
      <tbody>
        {medications.map((m, i) => (
          <tr key={`${m.name}-${i}`}>
            <td>{m.name}</td>
            <td>{m.dose ?? '—'}</td>
            <td>{m.route ?? '—'}</td>
            <td>{m.frequency ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
