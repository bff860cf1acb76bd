// BookAppointmentForm: book the next contact: when, how long, how, with whom, and a note.
import { useState, type SubmitEvent } from 'react';
import { CONTACT_TYPES } from '../../../src/domain/appointments/status.ts';
import { api } from '../api/client.ts';
import { useSignedIn } from '../session/session-context.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { CONTACT_TYPE_LABELS, type BookAppointment, type ContactType } from './appointment-types.ts';

interface BookAppointmentFormProps {
  patientId: string;
  onBooked: () => void;
}

const CONTACT_OPTIONS = CONTACT_TYPES.map((value) => ({ value, label: CONTACT_TYPE_LABELS[value] }));

/** "Date and time", "Duration (minutes)", "Contact type", "With", "Note" and "Book appointment". */
export function BookAppointmentForm({ patientId, onBooked }: BookAppointmentFormProps) {
  const { user } = useSignedIn();
  const form = useFormSubmit();
  const [startsAt, setStartsAt] = useState('');
  const [duration, setDuration] = useState('30');
  const [contactType, setContactType] = useState<ContactType>('face-to-face');
  const [withWhom, setWithWhom] = useState(user.id);
  const [note, setNote] = useState('');
  const [booked, setBooked] = useState(false);

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBooked(false);
    const when = startsAt ? new Date(startsAt) : null;
    const minutes = Number(duration);
    const localErrors: Record<string, string> = {};
    if (!when || Number.isNaN(when.getTime())) localErrors.startsAt = 'Enter the date and time';
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 480)
      localErrors.durationMinutes = 'Enter whole minutes from 5 to 480';
    void form
      .submit(async () => {
        const body: BookAppointment = {
          startsAt: when?.toISOString() ?? '',
          durationMinutes: minutes,
          contactType,
          ...(withWhom ? { practitionerId: withWhom } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        };
        await api.post(`/patients/${encodeURIComponent(patientId)}/appointments`, body);
      }, localErrors)
      .then((ok) => {
        if (!ok) return;
        setBooked(true);
        setStartsAt('');
        setNote('');
        onBooked();
      });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Book appointment">
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      {booked ? (
        <p className="saved-note" role="status">
          Appointment booked.
        </p>
      ) : null}
      <div className="field-grid">
        <Field
          label="Date and time"
          type="datetime-local"
          required
          value={startsAt}
          onValue={setStartsAt}
          error={form.errors.startsAt}
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
          value={duration}
          onValue={setDuration}
          error={form.errors.durationMinutes}
        />
        <SelectField
          label="Contact type"
          value={contactType}
          onValue={(v) => {
            const type = CONTACT_TYPES.find((t) => t === v);
            if (type) setContactType(type);
          }}
          options={CONTACT_OPTIONS}
          error={form.errors.contactType}
        />
        <SelectField
          label="With"
          value={withWhom}
          onValue={setWithWhom}
          options={[
            { value: user.id, label: 'Me' },
            { value: '', label: 'No one yet' },
          ]}
          error={form.errors.practitionerId}
        />
      </div>
      <Field label="Note" value={note} onValue={setNote} maxLength={1000} error={form.errors.note} />
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          Book appointment
        </button>
      </div>
    </form>
  );
}
