// AllergyTable: a patient's allergies with reaction and severity; severe ones stand out.
import { ALLERGY_STATUS_TEXT, allergyStatus } from '../../../src/domain/patient/allergy-status.ts';
import type { PatientRecord } from '../../../src/schemas/patient.ts';

/** Allergies with their reaction and severity; severe ones stand out. */
export function AllergyTable({ allergies }: { allergies: PatientRecord['allergies'] }) {
  const status = allergyStatus(allergies);
  if (status !== 'recorded') return <p className="muted">{ALLERGY_STATUS_TEXT[status]}</p>;
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
