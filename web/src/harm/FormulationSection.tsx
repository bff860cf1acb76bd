// FormulationSection: "Formulation": who saved the version in force and when, and the form to change it.
import { useApiData } from '../api/use-api-data.ts';
import { formatDateTime } from '../ui/format.ts';
import { Loaded } from '../ui/Loaded.tsx';
import { FormulationForm } from './FormulationForm.tsx';
import type { FormulationList } from './harm-types.ts';

interface FormulationSectionProps {
  patientId: string;
  canWrite: boolean;
}

/** Loads the formulation; the form starts afresh from each newly saved version. */
export function FormulationSection({ patientId, canWrite }: FormulationSectionProps) {
  const data = useApiData<FormulationList>(`/patients/${encodeURIComponent(patientId)}/formulation`);
  return (
    <section className="q-section" aria-labelledby="formulation-heading">
      <h3 id="formulation-heading">Formulation</h3>
      <Loaded data={data} loading="Loading the formulation…">
        {({ current }) => (
          <>
            <p className="hint" role="status">
              {current
                ? `Version ${current.version} by ${current.recordedBy.displayName} at ${formatDateTime(current.recordedAt)}`
                : 'No formulation written yet.'}
            </p>
            {canWrite ? (
              <FormulationForm
                key={current?.version ?? 0}
                patientId={patientId}
                current={current}
                onSaved={data.reload}
              />
            ) : null}
            {!canWrite && current ? (
              <dl className="facts">
                <dt>Presenting harms</dt>
                <dd>{current.presentingHarms}</dd>
                <dt>Drivers and function of use</dt>
                <dd>{current.drivers}</dd>
                <dt>Protective factors</dt>
                <dd>{current.protectiveFactors}</dd>
                <dt>Goals</dt>
                <dd>{current.goals}</dd>
              </dl>
            ) : null}
          </>
        )}
      </Loaded>
    </section>
  );
}
