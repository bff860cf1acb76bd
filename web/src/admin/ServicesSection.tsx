// ServicesSection: the services (teams or sites) of this KASPR, adding one, and the details its patient documents
// show: the time zone times are printed in, the clinic phone number and an address line.
import { useState, type SubmitEvent } from 'react';
import { serviceSchema } from '../../../src/schemas/auth.ts';
import { updateServiceSchema } from '../../../src/schemas/service.ts';
import type { ApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { Notice } from '../ui/Notice.tsx';
import { formatDateTime } from '../ui/format.ts';
import { useFormSubmit, zodErrors } from '../ui/use-form-submit.ts';
import type { Service } from './admin-types.ts';

/** A service as GET /services answers since migration 011 (older servers leave the details out). */
type ServiceWithDetails = Service & { timeZone?: string; phone?: string | null; address?: string | null };

interface ServicesSectionProps {
  services: ServiceWithDetails[];
  error: ApiError | null;
  onAdded: () => void;
}

/** "Details for documents": time zone, phone and address of one service, saved with PATCH /services/:id. */
function ServiceDetailsForm({ service, onSaved }: { service: ServiceWithDetails; onSaved: () => void }) {
  const form = useFormSubmit();
  const [timeZone, setTimeZone] = useState(service.timeZone ?? 'Europe/London');
  const [phone, setPhone] = useState(service.phone ?? '');
  const [address, setAddress] = useState(service.address ?? '');
  const [saved, setSaved] = useState(false);

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    setSaved(false);
    const body = {
      timeZone: timeZone.trim(),
      phone: phone.trim() === '' ? null : phone.trim(),
      address: address.trim() === '' ? null : address.trim(),
    };
    const parsed = updateServiceSchema.safeParse(body);
    void form.submit(
      async () => {
        await api.patch(`/services/${encodeURIComponent(service.id)}`, body);
        setSaved(true);
        onSaved();
      },
      parsed.success ? {} : zodErrors(parsed.error),
    );
  };

  return (
    <details className="service-details">
      <summary>Details for documents (time zone, phone, address)</summary>
      <form onSubmit={onSubmit} noValidate className="stack" aria-label={`Details for ${service.name}`}>
        <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
        {saved ? (
          <p className="saved-note" role="status">
            Saved. Consent copies and discharge summaries now show these details.
          </p>
        ) : null}
        <Field
          label="Time zone"
          hint="An IANA name such as Europe/London; times on documents are printed in it, with the zone"
          value={timeZone}
          onValue={setTimeZone}
          error={form.errors.timeZone}
          autoComplete="off"
          required
        />
        <Field
          label="Clinic phone number"
          hint="Printed on discharge summaries for patients to call"
          value={phone}
          onValue={setPhone}
          error={form.errors.phone}
          autoComplete="off"
          type="tel"
        />
        <Field
          label="Address line"
          value={address}
          onValue={setAddress}
          error={form.errors.address}
          autoComplete="off"
        />
        <div className="actions">
          <button type="submit" disabled={form.busy}>
            Save details
          </button>
        </div>
      </form>
    </details>
  );
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
            {s.timeZone ? (
              <span className="muted">
                {' '}
                · {s.timeZone}
                {s.phone ? ` · ${s.phone}` : ' · no phone number yet'}
              </span>
            ) : null}
            <ServiceDetailsForm service={s} onSaved={onAdded} />
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
