// ObservationsPanel: "Observations": CADSS and sedation scores, adverse events, rescue medication and notes.
import { useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { formatTime } from '../ui/format.ts';
import { FormProblem } from '../ui/FormProblem.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { OBSERVATION_KINDS, OBSERVATION_LABELS } from './treatment-labels.ts';
import { toNumber } from './treatment-input.ts';
import type { ObservationBody, ObservationKind, SessionDetail, SessionEvent } from './treatment-types.ts';

interface ObservationsPanelProps {
  session: SessionDetail;
  canWrite: boolean;
  onChanged: () => void;
}

const KIND_OPTIONS = OBSERVATION_KINDS.map((value) => ({ value, label: OBSERVATION_LABELS[value] }));
const SCORED: readonly ObservationKind[] = ['cadss', 'sedation'];
type ObservationEvent = Extract<SessionEvent, { kind: ObservationKind }>;
const isObservation = (e: SessionEvent): e is ObservationEvent => OBSERVATION_KINDS.some((k) => k === e.kind);

/** "Record observation" ("Kind", "Score", "Details"), then every observation in time order. */
export function ObservationsPanel({ session, canWrite, onChanged }: ObservationsPanelProps) {
  const form = useFormSubmit();
  const [kind, setKind] = useState<ObservationKind>('cadss');
  const [score, setScore] = useState('');
  const [text, setText] = useState('');
  const observations = session.events.filter(isObservation);
  const scored = SCORED.includes(kind);

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const value = toNumber(score);
    const localErrors: Record<string, string> = {};
    if (scored && value === undefined) localErrors.score = 'Enter the score';
    if (!scored && !text.trim()) localErrors.text = 'Describe what happened';
    void form
      .submit(async () => {
        const body: ObservationBody = {
          kind,
          ...(value !== undefined ? { score: value } : {}),
          ...(text.trim() ? { text: text.trim() } : {}),
        };
        await api.post(`/treatment-sessions/${encodeURIComponent(session.id)}/observations`, body);
      }, localErrors)
      .then((ok) => {
        if (!ok) return;
        setScore('');
        setText('');
        onChanged();
      });
  };

  return (
    <section className="session-part" aria-labelledby={`observations-${session.id}`}>
      <h5 id={`observations-${session.id}`}>Observations</h5>
      {canWrite ? (
        <form onSubmit={onSubmit} noValidate className="stack" aria-label="Record observation">
          <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
          <div className="field-grid">
            <SelectField
              label="Kind"
              value={kind}
              onValue={(v) => {
                const found = OBSERVATION_KINDS.find((k) => k === v);
                if (found) setKind(found);
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
              value={score}
              onValue={setScore}
              error={form.errors.score}
            />
          </div>
          <Field
            label="Details"
            multiline
            required={!scored}
            maxLength={4000}
            value={text}
            onValue={setText}
            error={form.errors.text}
          />
          <div className="actions">
            <button type="submit" disabled={form.busy}>
              Record observation
            </button>
          </div>
        </form>
      ) : null}
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
