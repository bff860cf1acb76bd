// SelfReportLinkForm: makes a single-use, time-limited link for the patient to answer questionnaires themselves.
import { useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { FormProblem } from '../ui/FormProblem.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import type { InstrumentSummary } from './questionnaire-types.ts';
import { SelfReportLinkResult, type CreatedLink } from './SelfReportLinkResult.tsx';

const VALIDITY = [
  { value: '60', label: '1 hour' },
  { value: '1440', label: '1 day' },
  { value: '10080', label: '7 days' },
] as const;
// The server takes at most five instruments per link.
const MAX_INSTRUMENTS = 5;

interface SelfReportLinkFormProps {
  patientId: string;
  instruments: readonly InstrumentSummary[];
}

/** "Self-report link": instrument checkboxes, "Link valid for", "Create self-report link". */
export function SelfReportLinkForm({ patientId, instruments }: SelfReportLinkFormProps) {
  const form = useFormSubmit();
  const offered = instruments.filter((i) => i.textAvailable);
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [minutes, setMinutes] = useState('1440');
  const [link, setLink] = useState<CreatedLink | null>(null);

  const toggle = (id: string, on: boolean) => {
    setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  };
  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const localErrors: Record<string, string> = {};
    if (chosen.length === 0) localErrors.instruments = 'Choose at least one questionnaire';
    else if (chosen.length > MAX_INSTRUMENTS) localErrors.instruments = `Choose at most ${MAX_INSTRUMENTS}`;
    setLink(null);
    void form.submit(async () => {
      const ordered = offered.map((i) => i.id).filter((id) => chosen.includes(id));
      setLink(
        await api.post<CreatedLink>(`/patients/${encodeURIComponent(patientId)}/self-report-links`, {
          instruments: ordered,
          expiresInMinutes: Number(minutes),
        }),
      );
    }, localErrors);
  };

  const groupError =
    form.errors.instruments ?? Object.entries(form.errors).find(([k]) => k.startsWith('instruments.'))?.[1];
  // The section is not named by its heading: "Self-report link" names the link field it produces.
  return (
    <section className="q-section">
      <h3>Self-report link</h3>
      <p className="hint">Only questionnaires whose item text KASPR may show to patients are offered.</p>
      <form onSubmit={onSubmit} noValidate className="stack">
        <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
        <fieldset
          className={groupError ? 'field-invalid' : undefined}
          aria-describedby={groupError ? 'self-report-instruments-error' : undefined}
        >
          <legend>Questionnaires for the patient</legend>
          {groupError ? (
            <p className="field-error" id="self-report-instruments-error">
              {groupError}
            </p>
          ) : null}
          <div className="checkbox-group">
            {offered.map((i) => (
              <label key={i.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.includes(i.id)}
                  onChange={(e) => {
                    toggle(i.id, e.target.checked);
                  }}
                />
                <span>
                  {i.shortTitle} — {i.title}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField label="Link valid for" value={minutes} onValue={setMinutes} options={VALIDITY} />
        <div className="actions">
          <button type="submit" disabled={form.busy}>
            Create self-report link
          </button>
        </div>
      </form>
      {link ? <SelfReportLinkResult link={link} /> : null}
    </section>
  );
}
