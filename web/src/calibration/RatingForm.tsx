// RatingForm: a practitioner's own level of need for one vignette, with an optional rationale; sent once.
import { useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import type { LevelDefinition } from '../harm/harm-types.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { LevelRadios } from './LevelRadios.tsx';

interface RatingFormProps {
  vignetteId: string;
  levels: readonly LevelDefinition[];
  onRated: () => void;
}

/** "Your level of need" and "Rationale"; "Submit rating". A second rating is refused (409). */
export function RatingForm({ vignetteId, levels, onRated }: RatingFormProps) {
  const form = useFormSubmit();
  const [level, setLevel] = useState<number | null>(null);
  const [rationale, setRationale] = useState('');

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const localErrors: Record<string, string> = {};
    if (level === null) localErrors.level = 'Choose a level of need';
    void form.submit(async () => {
      await api.post(`/calibration/vignettes/${encodeURIComponent(vignetteId)}/ratings`, {
        level,
        ...(rationale.trim() ? { rationale: rationale.trim() } : {}),
      });
      onRated();
    }, localErrors);
  };

  // 409 also refuses the vignette's own author; only a repeat rating gets the plain "already rated" line.
  const alreadyRated = form.problem?.status === 409 && /already rated/i.test(form.problem.detail ?? '');
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Rate this vignette">
      {alreadyRated ? (
        <div role="alert" className="form-problem">
          <p className="form-problem-title">You have already rated this vignette</p>
          <p>Ratings are not changed once given.</p>
        </div>
      ) : (
        <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      )}
      <LevelRadios
        legend="Your level of need"
        name={`rating-${vignetteId}`}
        levels={levels}
        value={level}
        onValue={(l) => {
          setLevel(l);
          form.reset();
        }}
        error={form.errors.level}
      />
      <Field
        label="Rationale"
        multiline
        maxLength={2000}
        value={rationale}
        onValue={setRationale}
        hint="Optional: what led you to this level."
        error={form.errors.rationale}
      />
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          Submit rating
        </button>
      </div>
    </form>
  );
}
