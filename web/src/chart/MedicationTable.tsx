// MedicationTable: a patient's current medications: name, dose, route, frequency.
import type { PatientRecord } from '../../../src/schemas/patient.ts';

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
