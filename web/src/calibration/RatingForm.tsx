// RatingForm: a practitioner's own level of need for one vignette, with an optional rationale; sent once.
import { rateVignetteSchema } from '../../../src/schemas/vignettes.ts';
import { api } from '../api/client.ts';
import type { LevelDefinition } from '../harm/harm-types.ts';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { RefusalNote } from '../ui/RefusalNote.tsx';
import { useForm } from '../ui/use-form.ts';
import { LevelRadios } from './LevelRadios.tsx';

interface RatingFormProps {
  vignetteId: string;
  levels: readonly LevelDefinition[];
  onRated: () => void;
}

/** "Your level of need" and "Rationale"; "Submit rating". A second rating is refused (409). */
export function RatingForm({ vignetteId, levels, onRated }: RatingFormProps) {
  const form = useForm(
    rateVignetteSchema,
    { level: null as number | null, rationale: '' },
    {
      toBody: (v) => ({ level: v.level, ...(v.rationale.trim() ? { rationale: v.rationale.trim() } : {}) }),
    },
  );

  const onSubmit = () =>
    void form.send(
      async (body) => {
        await api.post(`/calibration/vignettes/${encodeURIComponent(vignetteId)}/ratings`, body);
        onRated();
      },
      form.values.level === null ? { level: 'Choose a level of need' } : {},
    );

  // 409 also refuses the vignette's own author; only a repeat rating gets the plain "already rated" line.
  const alreadyRated = form.problem?.status === 409 && /already rated/i.test(form.problem.detail ?? '');
  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      submit="Submit rating"
      label="Rate this vignette"
      problemView={
        alreadyRated ? (
          <RefusalNote
            title="You have already rated this vignette"
            advice="Ratings are not changed once given."
          />
        ) : undefined
      }
    >
      <LevelRadios
        legend="Your level of need"
        name={`rating-${vignetteId}`}
        levels={levels}
        value={form.values.level}
        onValue={(l) => {
          form.set('level')(l);
          form.reset();
        }}
        error={form.errors.level}
      />
      <Field
        label="Rationale"
        multiline
        maxLength={2000}
        {...form.field('rationale')}
        hint="Optional: what led you to this level."
      />
    </Form>
  );
}
