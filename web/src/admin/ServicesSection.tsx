// ServicesSection: the services (teams or sites) of this KASPR, and adding one.
import { useState, type SubmitEvent } from 'react';
import { serviceSchema } from '../../../src/schemas/auth.ts';
import type { ApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { Notice } from '../ui/Notice.tsx';
import { formatDateTime } from '../ui/format.ts';
import { useFormSubmit, zodErrors } from '../ui/use-form-submit.ts';
import type { Service } from './admin-types.ts';

interface ServicesSectionProps {
  services: Service[];
  error: ApiError | null;
  onAdded: () => void;
}

/** The "Services" section of /admin. */
export function ServicesSection({ services, error, onAdded }: ServicesSectionProps) {
  const form = useFormSubmit();
  const [name, setName] = useState('');

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const parsed = serviceSchema.safeParse({ name });
    void form.submit(
      async () => {
        await api.post('/services', { name: name.trim() });
        setName('');
        onAdded();
      },
      parsed.success ? {} : zodErrors(parsed.error),
    );
  };

  return (
    <section id="services" className="panel" aria-labelledby="services-heading">
      <h2 id="services-heading">Services</h2>
      {error ? <Notice kind="error">{error.detail ?? error.title}</Notice> : null}
      <ul className="plain-list">
        {services.map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong> <span className="muted">created {formatDateTime(s.createdAt)}</span>
          </li>
        ))}
      </ul>
      <form onSubmit={onSubmit} noValidate className="stack" aria-label="Add service">
        <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
        <Field
          label="Service name"
          value={name}
          onValue={setName}
          error={form.errors.name}
          autoComplete="off"
          required
        />
        <div className="actions">
          <button type="submit" disabled={form.busy}>
            Add service
          </button>
        </div>
      </form>
    </section>
  );
}
