// DetailsPanel: every field of the current record, grouped as on the registration form.
import type { ReactNode } from 'react';
import type { PatientRecord } from '../../../src/schemas/patient.ts';
import { formatBirthDate, formatDate, identifierValue, sexLabel } from '../ui/format.ts';
import { AllergyTable } from './AllergyTable.tsx';
import { Facts } from './Facts.tsx';
import { MedicationTable } from './MedicationTable.tsx';

/** The "Details" tab. */
export function DetailsPanel({ patient: p }: { patient: PatientRecord }) {
  const others = p.identifiers.filter((i) => i.system !== 'nhs' && i.system !== 'mrn');
  return (
    <>
      <h2>Details</h2>
      <div className="details-grid">
        <Facts
          title="Identity"
          rows={[
            ['Given name', p.givenName],
            ['Family name', p.familyName],
            ['Date of birth', formatBirthDate(p.birthDate)],
            ['Sex', sexLabel(p.sex)],
          ]}
        />
        <Facts
          title="Identifiers"
          rows={[
            ['NHS number', identifierValue(p.identifiers, 'nhs')],
            ['MRN', identifierValue(p.identifiers, 'mrn')],
            ...others.map((i): [string, ReactNode] => [i.system.toUpperCase(), i.value]),
          ]}
        />
        <Facts
          title="Contact"
          rows={[
            ['Phone', p.contact?.phone],
            ['Email', p.contact?.email],
            ['Address', p.contact?.address],
          ]}
        />
        <Facts
          title="GP / primary care"
          rows={[
            ['GP name', p.gp?.name],
            ['Practice', p.gp?.practice],
            ['Practice phone', p.gp?.phone],
            ['Practice address', p.gp?.address],
          ]}
        />
        <Facts
          title="Measurements"
          rows={[
            [
              'Weight',
              p.weight ? `${p.weight.kg} kg (measured ${formatDate(p.weight.measuredOn)})` : undefined,
            ],
            [
              'Height',
              p.height ? `${p.height.cm} cm (measured ${formatDate(p.height.measuredOn)})` : undefined,
            ],
          ]}
        />
      </div>
      <section className="details-group" aria-labelledby="details-allergies">
        <h3 id="details-allergies">Allergies</h3>
        <AllergyTable patient={p} />
      </section>
      <section className="details-group" aria-labelledby="details-medications">
        <h3 id="details-medications">Current medications</h3>
        <MedicationTable medications={p.medications} />
      </section>
    </>
  );
}
