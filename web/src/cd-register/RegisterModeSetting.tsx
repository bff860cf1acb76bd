// RegisterModeSetting: "Register mode": whether the register keeps the UK record or the US (DEA) record.
import { useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { FormProblem } from '../ui/FormProblem.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { MODE_LABELS } from './cd-format.ts';
import type { RegisterMode, RegisterSettings } from './cd-types.ts';

const OPTIONS = (['uk', 'us'] as const).map((value) => ({ value, label: MODE_LABELS[value] }));

interface RegisterModeSettingProps {
  mode: RegisterMode;
  /** False until a mode has been saved: the default shown can then be saved as it is. */
  modeChosen: boolean;
  onSaved: () => void;
}

/** A choice of UK or US and "Save register mode" (PATCH /cd-register/settings). */
export function RegisterModeSetting({ mode, modeChosen, onSaved }: RegisterModeSettingProps) {
  const form = useFormSubmit();
  const [value, setValue] = useState<RegisterMode>(mode);
  const [saved, setSaved] = useState<string | null>(null);

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaved(null);
    void form.submit(async () => {
      const next = await api.patch<RegisterSettings>('/cd-register/settings', { mode: value });
      setValue(next.mode);
      setSaved(`Register mode saved: ${MODE_LABELS[next.mode]}.`);
      onSaved();
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <h2 id="cd-mode-heading">Register mode</h2>
      <p className="hint">
        Which regulator&apos;s record the register keeps: the fields an entry needs (a US receipt needs the
        supplier&apos;s DEA number) and the deadlines for reporting a loss.
      </p>
      {modeChosen ? null : (
        <p className="hint">
          No mode saved yet, so the default is in force ({MODE_LABELS[mode]}). Save the mode your clinic
          keeps, even if it is the default.
        </p>
      )}
      <FormProblem problem={form.problem} />
      <SelectField
        label="Register mode"
        value={value}
        onValue={(v) => setValue(v === 'us' ? 'us' : 'uk')}
        options={OPTIONS}
        error={form.errors.mode}
      />
      <div className="actions">
        <button type="submit" disabled={form.busy || (modeChosen && value === mode)}>
          Save register mode
        </button>
        <p role="status" className="saved-note">
          {saved ?? ''}
        </p>
      </div>
    </form>
  );
}
