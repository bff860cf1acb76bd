// AdministerSection: choose a questionnaire, fill it in with the patient, and confirm what was saved.
import { useEffect, useRef, useState } from 'react';
import { useApiData } from '../api/use-api-data.ts';
import { Notice } from '../ui/Notice.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { AdministerForm } from './AdministerForm.tsx';
import type { InstrumentDefinition, InstrumentSummary, SavedResponse } from './questionnaire-types.ts';
import { savedText } from './result-text.ts';

interface AdministerSectionProps {
  patientId: string;
  instruments: readonly InstrumentSummary[];
  /** Called after a save; `raisedAlerts` is true when the response raised safety alerts. */
  onSaved: (raisedAlerts: boolean) => void;
}

/** "Administer questionnaire": the "Questionnaire" select, then the chosen instrument's form. */
export function AdministerSection({ patientId, instruments, onSaved }: AdministerSectionProps) {
  const [instrumentId, setInstrumentId] = useState('');
  const [round, setRound] = useState(0);
  const [saved, setSaved] = useState<{ text: string; alerts: number } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const def = useApiData<InstrumentDefinition>(
    instrumentId ? `/instruments/${encodeURIComponent(instrumentId)}` : null,
  );

  const handleSaved = (shortTitle: string, response: SavedResponse) => {
    setSaved({ text: savedText(shortTitle, response.result), alerts: response.alertIds.length });
    // A fresh form for the next administration: new answers, a new "Completed at".
    setRound((r) => r + 1);
    onSaved(response.alertIds.length > 0);
  };

  // The form the focus was in is replaced after a save: move focus to the confirmation instead.
  useEffect(() => {
    if (saved) noticeRef.current?.focus();
  }, [saved]);

  const current = def.data && def.data.id === instrumentId ? def.data : null;
  return (
    <section className="q-section" aria-labelledby="administer-heading">
      <h3 id="administer-heading">Administer questionnaire</h3>
      <div ref={noticeRef} tabIndex={-1} className="focus-target">
        {saved ? (
          <Notice kind="success">
            <p>{saved.text}</p>
            {saved.alerts > 0 ? (
              <p>
                {saved.alerts === 1
                  ? 'A safety alert was raised'
                  : `${saved.alerts} safety alerts were raised`}
                ; see the alerts at the top of the chart.
              </p>
            ) : null}
          </Notice>
        ) : null}
      </div>
      <SelectField
        label="Questionnaire"
        value={instrumentId}
        onValue={(id) => {
          setInstrumentId(id);
          setSaved(null);
        }}
        placeholder="Choose a questionnaire"
        options={instruments.map((i) => ({ value: i.id, label: `${i.shortTitle} — ${i.title}` }))}
      />
      {instrumentId && def.loading ? <p role="status">Loading the questionnaire…</p> : null}
      {def.error ? <Notice kind="error">{def.error.detail ?? def.error.title}</Notice> : null}
      {current ? (
        <AdministerForm
          key={`${current.id}-${round}`}
          def={current}
          patientId={patientId}
          onSaved={(response) => {
            handleSaved(current.shortTitle, response);
          }}
        />
      ) : null}
    </section>
  );
}
