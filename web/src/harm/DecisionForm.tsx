// DecisionForm: the clinician confirms the proposed level of need, or overrides it with a reason.
import { useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { formatDate } from '../ui/format.ts';
import { FormProblem } from '../ui/FormProblem.tsx';
import { addDays, localDate } from '../ui/local-date.ts';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import type { AssessmentEntry, DecisionResult, LevelDefinition } from './harm-types.ts';
import { ProvisionalNote } from './ProvisionalNote.tsx';

interface DecisionFormProps {
  entry: Pick<AssessmentEntry, 'id' | 'evaluation'>;
  levels: readonly LevelDefinition[];
  onDecided: (result: DecisionResult) => void;
}

/** "Level of need" radios preselected to the proposal; a different level needs "Reason for override". */
export function DecisionForm({ entry, levels, onDecided }: DecisionFormProps) {
  const form = useFormSubmit();
  const proposed = entry.evaluation.level;
  const [level, setLevel] = useState<number>(proposed);
  const [reason, setReason] = useState('');
  const overriding = level !== proposed;
  const days = levels.find((l) => l.level === level)?.reviewWithinDays;

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const localErrors: Record<string, string> = {};
    if (overriding && reason.trim() === '') localErrors.reason = 'Say why you chose a different level';
    void form.submit(async () => {
      const result = await api.post<DecisionResult>(
        `/harm-assessments/${encodeURIComponent(entry.id)}/decision`,
        { confirmedLevel: level, ...(overriding ? { reason: reason.trim() } : {}) },
      );
      onDecided(result);
    }, localErrors);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Decision">
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      <p className="decision-proposal">
        The proposal is level {proposed} ({entry.evaluation.levelLabel}).
      </p>
      <ProvisionalNote evaluation={entry.evaluation} />
      <p className="hint">KASPR proposes; you decide.</p>
      <fieldset className={form.errors.confirmedLevel ? 'field-invalid' : undefined}>
        <legend>Level of need</legend>
        {form.errors.confirmedLevel ? <p className="field-error">{form.errors.confirmedLevel}</p> : null}
        <div className="radio-group">
          {levels.map((l) => (
            <label key={l.level} className="radio">
              <input
                type="radio"
                name={`level-of-need-${entry.id}`}
                value={l.level}
                checked={level === l.level}
                onChange={() => {
                  setLevel(l.level);
                  form.reset();
                }}
              />
              <span>
                {l.level} — {l.label}
                {l.level === proposed ? <span className="muted"> (proposed)</span> : null}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {overriding ? (
        <Field
          label="Reason for override"
          multiline
          required
          maxLength={2000}
          value={reason}
          onValue={setReason}
          hint="Recorded with the decision and shown to your supervisor."
          error={form.errors.reason}
        />
      ) : null}
      {days !== undefined ? (
        <p>
          Review by {formatDate(addDays(localDate(), days))} (within {days} {days === 1 ? 'day' : 'days'}).
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          {overriding ? 'Override level' : 'Accept level'}
        </button>
      </div>
    </form>
  );
}
