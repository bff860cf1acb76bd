// FormulationForm: the MDT's shared formulation; saves against the version it started from and merges on a clash.
import { useState, type SubmitEvent } from 'react';
import { asApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { useDraft } from '../forms/use-draft.ts';
import { FormProblem } from '../ui/FormProblem.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { FormulationField } from './FormulationField.tsx';
import type { FormulationList, FormulationText, FormulationVersion } from './harm-types.ts';

const FIELDS: readonly { key: keyof FormulationText; label: string }[] = [
  { key: 'presentingHarms', label: 'Presenting harms' },
  { key: 'drivers', label: 'Drivers and function of use' },
  { key: 'protectiveFactors', label: 'Protective factors' },
  { key: 'goals', label: 'Goals' },
];

interface FormulationFormProps {
  patientId: string;
  current: FormulationVersion | null;
  onSaved: () => void;
}

const textOf = (v: FormulationVersion | null): FormulationText => ({
  presentingHarms: v?.presentingHarms ?? '',
  drivers: v?.drivers ?? '',
  protectiveFactors: v?.protectiveFactors ?? '',
  goals: v?.goals ?? '',
});

/** The four texts and "Save formulation"; a 412 keeps the user's text and shows the newer version beside it. */
export function FormulationForm({ patientId, current, onSaved }: FormulationFormProps) {
  const form = useFormSubmit();
  // A draft restored after a forced sign-in keeps the version it was typed against, so a newer one shows as a clash.
  const [text, setText, clearDraft] = useDraft('formulation', {
    ...textOf(current),
    baseVersion: current?.version ?? 0,
  });
  // The version this edit builds on: the one loaded, or after a clash the newer one shown beside it.
  const [base, setBase] = useState(text.baseVersion);
  const [theirs, setTheirs] = useState<FormulationVersion | null>(null);
  const path = `/patients/${encodeURIComponent(patientId)}/formulation`;

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    void form.submit(async () => {
      try {
        await api.post<{ version: number }>(path, { ...text, baseVersion: base });
      } catch (err) {
        if (asApiError(err).status === 412) {
          const latest = await api.get<FormulationList>(path);
          setTheirs(latest.current);
          setBase(latest.current?.version ?? 0);
        }
        throw err;
      }
      clearDraft();
      onSaved();
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Formulation">
      {/* A clash is explained by the notice below, which says what to do instead of "reload". */}
      <FormProblem
        problem={form.problem?.status === 412 ? null : form.problem}
        localErrors={form.localErrorCount}
      />
      {theirs ? (
        <p className="notice notice-warning">
          {theirs.recordedBy.displayName} saved version {theirs.version} while you were editing. Your text is
          kept on the left; their version is beside it. Merge what you need, then save again.
        </p>
      ) : null}
      {FIELDS.map((f) => (
        <FormulationField
          key={f.key}
          label={f.label}
          value={text[f.key]}
          onValue={(value) => {
            setText((t) => ({ ...t, [f.key]: value }));
          }}
          error={form.errors[f.key]}
          theirs={
            theirs
              ? { text: theirs[f.key], by: theirs.recordedBy.displayName, version: theirs.version }
              : undefined
          }
        />
      ))}
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          Save formulation
        </button>
      </div>
    </form>
  );
}
