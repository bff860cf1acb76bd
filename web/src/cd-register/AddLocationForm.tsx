// AddLocationForm: "Add stock location": a CD cupboard or safe at a premises (the UK keeps one register per premises).
import { useState } from 'react';
import { locationBodySchema } from '../../../src/schemas/cd-register.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { useForm } from '../ui/use-form.ts';
import type { LocationBody, LocationView } from './cd-types.ts';
import { SavedNote } from '../ui/SavedNote.tsx';

const EMPTY: LocationBody = { name: '', premises: '' };

/** The "Add stock location" form. */
export function AddLocationForm({ onAdded }: { onAdded: () => void }) {
  const form = useForm(locationBodySchema, EMPTY);
  const [added, setAdded] = useState<string | null>(null);

  const onSubmit = () => {
    setAdded(null);
    void form.send(async (body) => {
      const location = await api.post<LocationView>('/cd-register/locations', body);
      setAdded(`${location.name}, ${location.premises}`);
      form.clear();
      onAdded();
    });
  };

  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      submit="Add stock location"
      labelledBy="cd-add-location-heading"
      head={<h2 id="cd-add-location-heading">Add stock location</h2>}
    >
      <SavedNote text={added && `Added ${added}.`} />
      <div className="grid-2">
        <Field
          label="Name"
          {...form.field('name')}
          hint='The CD cupboard or safe, e.g. "Main safe"'
          required
        />
        <Field label="Premises" {...form.field('premises')} hint="The clinic it is at" required />
      </div>
    </Form>
  );
}
