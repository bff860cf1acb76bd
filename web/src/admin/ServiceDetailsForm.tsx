// ServiceDetailsForm: the details a service's patient documents show: time zone, clinic phone and address line.
import { useState } from 'react';
import { updateServiceSchema } from '../../../src/schemas/service.ts';
import { api } from '../api/client.ts';
import { useSession } from '../session/session-context.ts';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { useForm } from '../ui/use-form.ts';
import type { Service } from './admin-types.ts';

/** A service as GET /services answers since migration 011 (older servers leave the details out). */
export type ServiceWithDetails = Service & {
  timeZone?: string;
  phone?: string | null;
  address?: string | null;
};

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** "Details for documents": time zone, phone and address of one service, saved with PATCH /services/:id. */
export function ServiceDetailsForm({
  service,
  onSaved,
}: {
  service: ServiceWithDetails;
  onSaved: () => void;
}) {
  const initial = {
    timeZone: service.timeZone,
    phone: service.phone ?? '',
    address: service.address ?? '',
  };
  const form = useForm(updateServiceSchema, initial, {
    toBody: (v) => ({ timeZone: v.timeZone.trim(), phone: orNull(v.phone), address: orNull(v.address) }),
  });
  const [saved, setSaved] = useState(false);
  const session = useSession();

  const onSubmit = () => {
    setSaved(false);
    void form.send(async (body) => {
      await api.patch(`/services/${encodeURIComponent(service.id)}`, body);
      setSaved(true);
      onSaved();
      // The pages' clock follows the services' zone (GET /me).
      if (body.timeZone !== service.timeZone) void session.refresh();
    });
  };

  return (
    <details className="service-details">
      <summary>Details for documents (time zone, phone, address)</summary>
      <Form form={form} onSubmit={onSubmit} submit="Save details" label={`Details for ${service.name}`}>
        {saved ? (
          <p className="saved-note" role="status">
            Saved. Consent copies and discharge summaries now show these details.
          </p>
        ) : null}
        <Field
          label="Time zone"
          hint="An IANA name such as Europe/London; times on documents are printed in it, with the zone, and pages show times on its clock"
          {...form.field('timeZone')}
          autoComplete="off"
          required
        />
        <Field
          label="Clinic phone number"
          hint="Printed on discharge summaries for patients to call"
          {...form.field('phone')}
          autoComplete="off"
          type="tel"
        />
        <Field label="Address line" {...form.field('address')} autoComplete="off" />
      </Form>
    </details>
  );
}
