// BookAppointmentForm: book the next contact: when, how long, how, with whom, and a note.
import { useState } from 'react';
import { CONTACT_TYPES } from '../../../src/domain/appointments/status.ts';
import { bookAppointmentSchema } from '../../../src/schemas/appointments.ts';
import { api } from '../api/client.ts';
import { useSignedIn } from '../session/session-context.ts';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { instantOfLocal } from '../ui/local-date.ts';
import { SavedNote } from '../ui/SavedNote.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useForm } from '../ui/use-form.ts';
import { CONTACT_TYPE_LABELS, type BookAppointment, type ContactType } from './appointment-types.ts';

interface BookAppointmentFormProps {
  patientId: string;
  onBooked: () => void;
}

const CONTACT_OPTIONS = CONTACT_TYPES.map((value) => ({ value, label: CONTACT_TYPE_LABELS[value] }));

type Values = {
  startsAt: string;
  duration: string;
  contactType: ContactType;
  withWhom: string;
  note: string;
};

const toBody = (v: Values): BookAppointment => ({
  startsAt: instantOfLocal(v.startsAt) ?? '',
  durationMinutes: Number(v.duration),
  contactType: v.contactType,
  ...(v.withWhom ? { practitionerId: v.withWhom } : {}),
  ...(v.note.trim() ? { note: v.note.trim() } : {}),
});

/** The form's own messages, in the clinic's words. */
function ownErrors(v: Values): Record<string, string> {
  const minutes = Number(v.duration);
  const own: Record<string, string> = {};
  if (!instantOfLocal(v.startsAt)) own.startsAt = 'Enter the date and time';
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 480)
    own.durationMinutes = 'Enter whole minutes from 5 to 480';
  return own;
}

/** "Date and time", "Duration (minutes)", "Contact type", "With", "Note" and "Book appointment". */
export function BookAppointmentForm({ patientId, onBooked }: BookAppointmentFormProps) {
  const { user } = useSignedIn();
  const initial: Values = {
    startsAt: '',
    duration: '30',
    contactType: 'face-to-face',
    withWhom: user.id,
    note: '',
  };
  const form = useForm(bookAppointmentSchema, initial, { toBody });
  const [booked, setBooked] = useState(false);

  const onSubmit = () => {
    setBooked(false);
    void form.send(async (body) => {
      await api.post(`/patients/${encodeURIComponent(patientId)}/appointments`, body);
      setBooked(true);
      form.clear('duration', 'contactType', 'withWhom');
      onBooked();
    }, ownErrors(form.values));
  };

  return (
    <Form form={form} onSubmit={onSubmit} submit="Book appointment" label="Book appointment">
      <SavedNote text={booked && 'Appointment booked.'} />
      <div className="field-grid">
        <Field
          label="Date and time"
          type="datetime-local"
          required
          {...form.field('startsAt')}
          className="field-datetime"
        />
        <Field
          label="Duration (minutes)"
          type="number"
          inputMode="numeric"
          min={5}
          max={480}
          step={5}
          required
          {...form.field('duration')}
          error={form.errors.durationMinutes}
        />
        <SelectField
          label="Contact type"
          value={form.values.contactType}
          onValue={(v) => {
            const type = CONTACT_TYPES.find((t) => t === v);
            if (type) form.set('contactType')(type);
          }}
          options={CONTACT_OPTIONS}
          error={form.errors.contactType}
        />
        <SelectField
          label="With"
          {...form.field('withWhom')}
          options={[
            { value: user.id, label: 'Me' },
            { value: '', label: 'No one yet' },
          ]}
          error={form.errors.practitionerId}
        />
      </div>
      <Field label="Note" {...form.field('note')} maxLength={1000} />
    </Form>
  );
}
