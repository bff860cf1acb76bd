// StatusChangeForm: the small inline form behind "Reschedule" (new time and reason) and "Cancel" (reason).
import { appointmentStatusSchema } from '../../../src/schemas/appointments.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { InlineForm, useFocusOnOpen } from '../ui/InlineForm.tsx';
import { instantOfLocal, localDateTime } from '../ui/local-date.ts';
import { useForm } from '../ui/use-form.ts';

interface StatusChangeFormProps {
  appointmentId: string;
  /** Rescheduling asks for the new time; cancelling only for a reason. */
  kind: 'rescheduled' | 'cancelled';
  /** The appointment's current start, to prefill the new time. */
  startsAt: string;
  label: string;
  onDone: () => void;
  onBack: () => void;
}

/** "New date and time" (reschedule only), "Reason", then "Save new time" or "Confirm", and "Back". */
export function StatusChangeForm({
  appointmentId,
  kind,
  startsAt,
  label,
  onDone,
  onBack,
}: StatusChangeFormProps) {
  const form = useForm(
    appointmentStatusSchema,
    { when: localDateTime(new Date(startsAt)), reason: '' },
    {
      toBody: ({ when, reason }) => {
        const at = kind === 'rescheduled' ? instantOfLocal(when) : undefined;
        return {
          status: kind,
          ...(at ? { startsAt: at } : {}),
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        };
      },
    },
  );
  const first = useFocusOnOpen();

  const onSubmit = () => {
    const missing = kind === 'rescheduled' && !instantOfLocal(form.values.when);
    void form.send(
      async (body) => {
        await api.post(`/appointments/${encodeURIComponent(appointmentId)}/status`, body);
        onDone();
      },
      missing ? { startsAt: 'Enter the new date and time' } : {},
    );
  };

  return (
    <InlineForm
      form={form}
      onSubmit={onSubmit}
      submit={kind === 'rescheduled' ? 'Save new time' : 'Confirm'}
      label={label}
      onBack={onBack}
    >
      {kind === 'rescheduled' ? (
        <Field
          ref={first}
          label="New date and time"
          type="datetime-local"
          required
          {...form.field('when')}
          error={form.errors.startsAt}
        />
      ) : null}
      <Field
        ref={kind === 'cancelled' ? first : undefined}
        label="Reason"
        {...form.field('reason')}
        maxLength={1000}
      />
    </InlineForm>
  );
}
