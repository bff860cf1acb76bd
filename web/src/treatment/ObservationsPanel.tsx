// ObservationsPanel: "Observations": CADSS and sedation scores, adverse events, rescue medication and notes.
import { observationSchema } from '../../../src/schemas/treatment.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { formatTime } from '../ui/format.ts';
import { Form } from '../ui/Form.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useForm } from '../ui/use-form.ts';
import { PartHeading, type PartLevel } from './PartHeading.tsx';
import { OBSERVATION_KINDS, OBSERVATION_LABELS } from './treatment-labels.ts';
import { toNumber } from './treatment-input.ts';
import type { ObservationBody, ObservationKind, SessionDetail, SessionEvent } from './treatment-types.ts';

interface ObservationsPanelProps {
  session: SessionDetail;
  canWrite: boolean;
  onChanged: () => void;
  level?: PartLevel;
}

const KIND_OPTIONS = OBSERVATION_KINDS.map((value) => ({ value, label: OBSERVATION_LABELS[value] }));
const SCORED: readonly ObservationKind[] = ['cadss', 'sedation'];
type ObservationEvent = Extract<SessionEvent, { kind: ObservationKind }>;
const isObservation = (e: SessionEvent): e is ObservationEvent => OBSERVATION_KINDS.some((k) => k === e.kind);

type Values = { kind: ObservationKind; score: string; text: string };

const INITIAL: Values = { kind: 'cadss', score: '', text: '' };

const toBody = (v: Values): ObservationBody => {
  const score = toNumber(v.score);
  return {
    kind: v.kind,
    ...(score !== undefined ? { score } : {}),
    ...(v.text.trim() ? { text: v.text.trim() } : {}),
  };
};

/** "Record observation": "Kind", "Score" (for scored kinds) and "Details". */
function ObservationForm({ session, onChanged }: { session: SessionDetail; onChanged: () => void }) {
  const form = useForm(observationSchema, INITIAL, { toBody });
  const { values } = form;
  const scored = SCORED.includes(values.kind);

  const onSubmit = () => {
    const own: Record<string, string> = {};
    if (scored && toNumber(values.score) === undefined) own.score = 'Enter the score';
    if (!scored && !values.text.trim()) own.text = 'Describe what happened';
    void form.send(async (body) => {
      await api.post(`/treatment-sessions/${encodeURIComponent(session.id)}/observations`, body);
      form.clear('kind');
      onChanged();
    }, own);
  };

  return (
    <Form form={form} onSubmit={onSubmit} submit="Record observation" label="Record observation">
      <div className="field-grid">
        <SelectField
          label="Kind"
          value={values.kind}
          onValue={(v) => {
            const found = OBSERVATION_KINDS.find((k) => k === v);
            if (found) form.set('kind')(found);
          }}
          options={KIND_OPTIONS}
          error={form.errors.kind}
        />
        <Field
          label="Score"
          type="number"
          inputMode="decimal"
          min={0}
          max={100}
          required={scored}
          hint={scored ? undefined : 'Only for CADSS and sedation scores'}
          {...form.field('score')}
        />
      </div>
      <Field label="Details" multiline required={!scored} maxLength={4000} {...form.field('text')} />
    </Form>
  );
}

/** "Record observation" ("Kind", "Score", "Details"), then every observation in time order. */
export function ObservationsPanel({ session, canWrite, onChanged, level = 5 }: ObservationsPanelProps) {
  const observations = session.events.filter(isObservation);
  return (
    <section className="session-part" aria-labelledby={`observations-${session.id}`}>
      <PartHeading level={level} id={`observations-${session.id}`}>
        Observations
      </PartHeading>
      {canWrite ? <ObservationForm session={session} onChanged={onChanged} /> : null}
      {observations.length === 0 ? (
        <p>No observations recorded yet.</p>
      ) : (
        <ul className="plain-list" aria-label="Observations">
          {observations.map((o) => (
            <li key={o.id}>
              <time dateTime={o.at}>{formatTime(o.at)}</time>{' '}
              <span className="label">{OBSERVATION_LABELS[o.kind]}</span>
              {o.data.score !== null ? `: ${o.data.score}` : ''}
              {o.data.text ? ` — ${o.data.text}` : ''} <span className="muted">({o.recordedBy})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
