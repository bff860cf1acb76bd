// AdministrationEventForm: "Change rate" (the new rate and, off plan, why) or "Stop administration" (the time and the
// amount actually given, with the register witness when stock was drawn and less was given).
import { administrationSchema } from '../../../src/schemas/treatment.ts';
import { api } from '../api/client.ts';
import { DecimalField } from '../ui/DecimalField.tsx';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { localDateTime } from '../ui/local-date.ts';
import { useForm } from '../ui/use-form.ts';
import { instantOf, toNumber } from './treatment-input.ts';
import type { AdministrationBody } from './treatment-types.ts';
import { CorrectionWitness } from './CorrectionWitness.tsx';

interface AdministrationEventFormProps {
  sessionId: string;
  event: 'rate-change' | 'stop';
  /** The dose started (mg), to say what "all of it" means; null when none was recorded. */
  startedMg?: number | null;
  /** True when the start drew the dose from the register (less given then corrects it, with a witness). */
  fromStock?: boolean;
  onDone: () => void;
}

const BLANK = { rate: '', reason: '', given: '', givenMl: '', witnessEmail: '', witnessPassword: '' };
type Values = typeof BLANK & { at: string };

/** Less than the dose started was stated (a volume alone is checked by the server against the concentration). */
function lessThan(v: Values, startedMg: number | null): boolean {
  const givenMg = toNumber(v.given);
  const stated = givenMg !== undefined || toNumber(v.givenMl) !== undefined;
  return startedMg !== null && stated && (givenMg === undefined || givenMg < startedMg);
}

/** The body of a rate change or a stop; the witness signs only a stop that corrects drawn stock. */
function eventBody(event: 'rate-change' | 'stop', v: Values, witnessed: boolean): AdministrationBody {
  const when = instantOf(v.at);
  const rateMgPerHour = toNumber(v.rate);
  const givenMg = toNumber(v.given);
  const givenMl = toNumber(v.givenMl);
  if (event === 'rate-change')
    return {
      event,
      ...(when ? { at: when } : {}),
      ...(rateMgPerHour !== undefined ? { rateMgPerHour } : {}),
      ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
    };
  return {
    event,
    ...(when ? { at: when } : {}),
    ...(givenMg !== undefined ? { givenMg } : {}),
    ...(givenMl !== undefined ? { givenMl } : {}),
    ...(witnessed ? { witness: { email: v.witnessEmail.trim(), password: v.witnessPassword } } : {}),
  };
}

/** A small form named by its button: "Time" (now); a rate change takes "Rate (mg/h)", a stop "Given (mg)". */
export function AdministrationEventForm({
  sessionId,
  event,
  startedMg = null,
  fromStock = false,
  onDone,
}: AdministrationEventFormProps) {
  const initial: Values = { ...BLANK, at: localDateTime(new Date()) };
  const form = useForm(administrationSchema, initial, {
    toBody: (v) => eventBody(event, v, event === 'stop' && fromStock && lessThan(v, startedMg)),
  });
  const { values } = form;
  const name = event === 'stop' ? 'Stop administration' : 'Change rate';
  const witnessed = event === 'stop' && fromStock && lessThan(values, startedMg);

  const onSubmit = () => {
    const own: Record<string, string> = {};
    if (!instantOf(values.at)) own.at = 'Enter the time';
    if (event === 'rate-change' && toNumber(values.rate) === undefined)
      own.rateMgPerHour = 'Enter the new rate';
    if (values.given.trim() && toNumber(values.given) === undefined) own.givenMg = 'Enter the mg given';
    if (witnessed && (!values.witnessEmail.trim() || !values.witnessPassword))
      own.witness = 'A witness signs the register correction: enter their email and password';
    void form.send(async (body) => {
      await api.post(`/treatment-sessions/${encodeURIComponent(sessionId)}/administration`, body);
      form.clear('witnessEmail');
      onDone();
    }, own);
  };

  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      submit={name}
      label={name}
      className="stack administration-event"
      submitClassName={event === 'stop' ? 'button-warning' : 'button-secondary'}
    >
      <div className="field-grid">
        <Field label="Time" type="datetime-local" required {...form.field('at')} />
        {event === 'rate-change' ? (
          <>
            <DecimalField
              label="Rate (mg/h)"
              required
              {...form.field('rate')}
              error={form.errors.rateMgPerHour}
            />
            <Field
              label="Reason for the change"
              maxLength={1000}
              hint="Needed when the rate differs from the plan"
              {...form.field('reason')}
            />
          </>
        ) : (
          <>
            <DecimalField
              label="Given (mg)"
              hint={
                startedMg !== null
                  ? `The amount actually infused; blank means all ${String(startedMg)} mg. Needed when stopping early.`
                  : 'The amount actually given'
              }
              {...form.field('given')}
              error={form.errors.givenMg}
            />
            <DecimalField
              label="Or volume infused (mL)"
              hint="Turned into mg at the recorded concentration"
              {...form.field('givenMl')}
            />
          </>
        )}
      </div>
      {witnessed ? (
        <CorrectionWitness
          email={{ ...form.field('witnessEmail'), error: form.errors.witness }}
          password={{ ...form.field('witnessPassword'), error: undefined }}
        />
      ) : null}
    </Form>
  );
}
