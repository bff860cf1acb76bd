// ServicesSection: the services (teams or sites) of this KASPR, adding one, and the details its patient documents
// show: the time zone times are printed in, the clinic phone number and an address line.
import { serviceSchema } from '../../../src/schemas/auth.ts';
import type { ApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { Notice } from '../ui/Notice.tsx';
import { formatDateTime } from '../ui/format.ts';
import { useForm } from '../ui/use-form.ts';
import { ServiceDetailsForm, type ServiceWithDetails } from './ServiceDetailsForm.tsx';

interface ServicesSectionProps {
  services: ServiceWithDetails[];
  error: ApiError | null;
  onAdded: () => void;
}

/** The "Services" section of /admin. */
export function ServicesSection({ services, error, onAdded }: ServicesSectionProps) {
  const form = useForm(serviceSchema, { name: '' }, { toBody: (v) => ({ name: v.name.trim() }) });

  const onSubmit = () =>
    void form.send(async (body) => {
      await api.post('/services', body);
      form.clear();
      onAdded();
    });

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
      <Form form={form} onSubmit={onSubmit} submit="Add service" label="Add service">
        <Field label="Service name" {...form.field('name')} autoComplete="off" required />
      </Form>
    </section>
  );
}
