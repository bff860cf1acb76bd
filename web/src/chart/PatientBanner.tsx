// PatientBanner: who this chart is about, at a glance: name, birth date and age, sex, identifiers and allergies.
import type { PatientRecord } from '../../../src/schemas/patient.ts';
import { isNoKnownAllergiesEntry } from '../../../src/domain/patient/allergy-status.ts';
import { chartAllergyStatus, noAllergyText } from './allergy-words.ts';
import { formatBirthDate, identifierValue, patientName, sexLabel } from '../ui/format.ts';

/** The always-visible identity strip at the top of a chart; `compact` sets the same facts on one line. */
export function PatientBanner({ patient, compact = false }: { patient: PatientRecord; compact?: boolean }) {
  const nhs = identifierValue(patient.identifiers, 'nhs');
  const mrn = identifierValue(patient.identifiers, 'mrn');
  const status = chartAllergyStatus(patient);
  return (
    <section
      className={`patient-banner${compact ? ' patient-banner-compact' : ''}`}
      aria-labelledby="patient-name"
    >
      <h1 id="patient-name">{patientName(patient)}</h1>
      <dl className="banner-facts">
        <div>
          <dt>Born</dt>
          <dd>{formatBirthDate(patient.birthDate)}</dd>
        </div>
        <div>
          <dt>Sex</dt>
          <dd>{sexLabel(patient.sex)}</dd>
        </div>
        <div>
          <dt>NHS number</dt>
          <dd className="nowrap">{nhs || 'Not recorded'}</dd>
        </div>
        <div>
          <dt>MRN</dt>
          <dd>{mrn || 'Not recorded'}</dd>
        </div>
      </dl>
      {status === 'recorded' ? (
        <div className="banner-allergies" role="note" aria-label="Allergies">
          <strong>Allergies:</strong>{' '}
          <ul className="inline-list">
            {patient.allergies
              .filter((a) => !isNoKnownAllergiesEntry(a.substance))
              .map((a, i) => (
                <li key={`${a.substance}-${i}`}>
                  {a.substance}
                  {a.reaction ? ` (${a.reaction})` : ''} — {a.severity}
                </li>
              ))}
          </ul>
        </div>
      ) : (
        <p className={status === 'nkda' ? 'banner-no-allergies' : 'banner-allergies-unknown'}>
          {noAllergyText(patient, status)}
        </p>
      )}
    </section>
  );
}
