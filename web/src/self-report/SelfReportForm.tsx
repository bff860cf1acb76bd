// SelfReportForm: the patient answers each questionnaire on the link, then sends all answers at once.
import { useRef, useState, type SubmitEvent } from 'react';
import { ApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { ItemFieldset } from '../questionnaires/ItemFieldset.tsx';
import type { DraftAnswers, InstrumentDefinition } from '../questionnaires/questionnaire-types.ts';
import { answersToSend, notAskedReason, unansweredItems } from '../questionnaires/skip-logic.ts';
import { FormProblem } from '../ui/FormProblem.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';

interface SelfReportFormProps {
  token: string;
  instruments: readonly InstrumentDefinition[];
  onSent: () => void;
  /** The link expired or was used while the form was open. */
  onGone: () => void;
}

/** Every instrument's questions as radio groups, and "Send answers". */
export function SelfReportForm({ token, instruments, onSent, onGone }: SelfReportFormProps) {
  const form = useFormSubmit();
  const [answers, setAnswers] = useState<Readonly<Record<string, DraftAnswers>>>({});
  const [warned, setWarned] = useState<string | null>(null);
  const warningRef = useRef<HTMLDivElement>(null);

  const missing = instruments
    .map((def) => ({ def, items: unansweredItems(def, answers[def.id] ?? {}) }))
    .filter((m) => m.items.length > 0);

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    // Patients may leave questions out; they are told once, and sending again sends what they gave.
    if (missing.length > 0 && warned === null) {
      const list = missing.map(
        (m) => `${m.def.shortTitle} ${m.items.length === 1 ? 'question' : 'questions'} ${m.items.join(', ')}`,
      );
      setWarned(`Some questions are not answered yet: ${list.join('; ')}.`);
      window.setTimeout(() => warningRef.current?.focus(), 0);
      return;
    }
    void form.submit(async () => {
      try {
        await api.post(`/self-report/${encodeURIComponent(token)}`, {
          responses: instruments.map((def) => ({
            instrument: def.id,
            answers: answersToSend(def, answers[def.id] ?? {}),
          })),
        });
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) {
          onGone();
          return;
        }
        throw err;
      }
      onSent();
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <FormProblem problem={form.problem} />
      {instruments.map((def, index) => (
        <section key={def.id} className="self-report-instrument" aria-labelledby={`instrument-${def.id}`}>
          <h2 id={`instrument-${def.id}`}>{def.title}</h2>
          <p className="recall-period">Time period: {def.recallPeriod}</p>
          {def.items.map((item) => (
            <ItemFieldset
              key={item.number}
              item={item}
              name={`${def.id}-${item.number}`}
              value={answers[def.id]?.[item.number]}
              onAnswer={(score) => {
                setAnswers((a) => ({ ...a, [def.id]: { ...a[def.id], [item.number]: score } }));
              }}
              variant="patient"
              notAsked={notAskedReason(def, item, answers[def.id] ?? {})}
              error={form.errors[`responses.${index}.answers.${item.number}`]}
            />
          ))}
        </section>
      ))}
      <div ref={warningRef} tabIndex={-1} className="focus-target">
        {warned && missing.length > 0 ? (
          <div role="status" className="notice notice-warning">
            <p>{warned}</p>
            <p>You can answer them, or press “Send answers” again to send your answers as they are.</p>
          </div>
        ) : null}
      </div>
      <div className="actions">
        <button type="submit" className="button-large" disabled={form.busy}>
          Send answers
        </button>
      </div>
    </form>
  );
}
