// AdministerForm: a clinician enters one questionnaire's answers, sees the score live, and saves the response.
import { useMemo, useRef, useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { instantOnClinicClock } from '../ui/clinic-clock.ts';
import { localDateTime } from '../ui/local-date.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { focusNextItem } from './item-focus.ts';
import { ItemFieldset } from './ItemFieldset.tsx';
import type { DraftAnswers, InstrumentDefinition, SavedResponse } from './questionnaire-types.ts';
import { ScorePreview } from './ScorePreview.tsx';
import { answersToSend, notAskedReason } from './skip-logic.ts';
import { useScorePreview } from './use-score-preview.ts';

interface AdministerFormProps {
  def: InstrumentDefinition;
  patientId: string;
  onSaved: (saved: SavedResponse) => void;
}

/** The items, "Completed at", the live preview and "Save response". */
export function AdministerForm({ def, patientId, onSaved }: AdministerFormProps) {
  const form = useFormSubmit();
  const [answers, setAnswers] = useState<DraftAnswers>({});
  const [now] = useState(() => localDateTime(new Date()));
  const [completedAt, setCompletedAt] = useState(now);
  const saveRef = useRef<HTMLButtonElement>(null);
  const toSend = useMemo(() => answersToSend(def, answers), [def, answers]);
  const preview = useScorePreview(def.id, toSend);

  const answer = (item: string, score: number) => {
    setAnswers((a) => ({ ...a, [item]: score }));
    // An answer settles "answer at least one item" and any refusal of this item's previous answer.
    const key = `answers.${item}`;
    if (form.localErrorCount > 0) form.reset();
    else if (key in form.errors)
      form.setErrors(Object.fromEntries(Object.entries(form.errors).filter(([k]) => k !== key)));
  };

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const when = completedAt ? (instantOnClinicClock(completedAt) ?? null) : null;
    const localErrors: Record<string, string> = {};
    if (completedAt && !when) localErrors.completedAt = 'Enter a date and time';
    else if (when && when.getTime() > Date.now() + 60_000)
      localErrors.completedAt = 'Cannot be in the future';
    if (Object.keys(toSend).length === 0) localErrors['answers.1'] = 'Answer at least one item';
    void form.submit(async () => {
      const saved = await api.post<SavedResponse>(`/patients/${encodeURIComponent(patientId)}/responses`, {
        instrument: def.id,
        answers: toSend,
        ...(when ? { completedAt: when.toISOString() } : {}),
      });
      onSaved(saved);
    }, localErrors);
  };

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="stack administer-form"
      aria-label={`Administer ${def.shortTitle}`}
    >
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      <p className="hint">
        Recall period: {def.recallPeriod}. {def.scoring.description}
        {def.validated ? '' : ' Not validated for clinical decisions in KASPR yet.'}
      </p>
      <p className="hint">
        Tip: with an answer focused, type its score to choose it and move to the next item.
      </p>
      {def.items.map((item) => (
        <ItemFieldset
          key={item.number}
          item={item}
          name={`${def.id}-item-${item.number}`}
          value={answers[item.number]}
          onAnswer={(score) => {
            answer(item.number, score);
          }}
          variant="clinician"
          onDigitAnswered={(fieldset) => {
            focusNextItem(fieldset, saveRef.current);
          }}
          notAsked={notAskedReason(def, item, answers)}
          error={form.errors[`answers.${item.number}`]}
        />
      ))}
      <Field
        label="Completed at"
        type="datetime-local"
        value={completedAt}
        onValue={setCompletedAt}
        max={now}
        hint="When the patient answered; leave as is if just now."
        error={form.errors.completedAt}
        className="field-datetime"
      />
      <ScorePreview preview={preview} />
      <div className="actions">
        <button type="submit" ref={saveRef} disabled={form.busy}>
          Save response
        </button>
      </div>
    </form>
  );
}
