// AddLocationForm: "Add stock location": a CD cupboard or safe at a premises (the UK keeps one register per premises).
import { useState, type SubmitEvent } from 'react';
import { locationBodySchema } from '../../../src/schemas/cd-register.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { useFormSubmit, zodErrors } from '../ui/use-form-submit.ts';
import type { LocationBody, LocationView } from './cd-types.ts';

const EMPTY: LocationBody = { name: '', premises: '' };

/** The "Add stock location" form. */
export function AddLocationForm({ onAdded }: { onAdded: () => void }) {
  const form = useFormSubmit();
  const [values, setValues] = useState<LocationBody>(EMPTY);
  const [added, setAdded] = useState<string | null>(null);

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    setAdded(null);
    const parsed = locationBodySchema.safeParse(values);
    void form.submit(
      async () => {
        const location = await api.post<LocationView>('/cd-register/locations', values);
        setAdded(`${location.name}, ${location.premises}`);
        setValues(EMPTY);
        onAdded();
      },
      parsed.success ? {} : zodErrors(parsed.error),
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="cd-add-location-heading">
      <h2 id="cd-add-location-heading">Add stock location</h2>
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      {added ? (
        <p role="status" className="saved-note">
          Added {added}.
        </p>
      ) : null}
      <div className="grid-2">
        <Field
          label="Name"
          value={values.name}
          onValue={(name) => setValues((v) => ({ ...v, name }))}
          error={form.errors.name}
          hint='The CD cupboard or safe, e.g. "Main safe"'
          required
        />
        <Field
          label="Premises"
          value={values.premises}
          onValue={(premises) => setValues((v) => ({ ...v, premises }))}
          error={form.errors.premises}
          hint="The clinic it is at"
          required
        />
      </div>
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          Add stock location
        </button>
      </div>
    </form>
  );
}
