// EntryForms: the register's entry forms behind tabs, one at a time, and what the last entry recorded.
import { useState } from 'react';
import { api } from '../api/client.ts';
import { Tabs } from '../ui/Tabs.tsx';
import { KIND_LABELS, stockSentence } from './cd-format.ts';
import type { Discrepancies, EntryWritten, LossReportStep } from './cd-types.ts';
import { CorrectionForm } from './CorrectionForm.tsx';
import { CountForm } from './CountForm.tsx';
import type { EntryFormContext } from './entry-form-context.ts';
import { LossDeadlines } from './LossDeadlines.tsx';
import { LossForm } from './LossForm.tsx';
import { ReceiveStockForm } from './ReceiveStockForm.tsx';
import { RecordWasteForm } from './RecordWasteForm.tsx';
import { TransferForm } from './TransferForm.tsx';

const TABS = [
  { id: 'receipt', label: 'Receive stock' },
  { id: 'waste', label: 'Record waste' },
  { id: 'transfer', label: 'Transfer' },
  { id: 'count', label: 'Run a count' },
  { id: 'loss', label: 'Record loss' },
  { id: 'correction', label: 'Correct an entry' },
] as const;
type TabId = (typeof TABS)[number]['id'];

interface Saved {
  written: EntryWritten;
  /** A loss's report steps, once loaded from the discrepancy worklist. */
  deadlines: readonly LossReportStep[] | null;
}

type FormContext = Omit<EntryFormContext, 'onRecorded'>;

/** "Record an entry": the tabs, the active form, and "Entry N recorded" above them. */
export function EntryForms({ ctx, onRecorded }: { ctx: FormContext; onRecorded: () => void }) {
  const [active, setActive] = useState<TabId>('receipt');
  const [saved, setSaved] = useState<Saved | null>(null);

  const recorded = (written: EntryWritten) => {
    setSaved({ written, deadlines: null });
    onRecorded();
    if (written.entry.kind !== 'loss') return;
    // The entry's reply has no deadlines; the worklist computes them from the discovery date and the mode.
    api.get<Discrepancies>('/cd-register/discrepancies').then(
      (list) => {
        const loss = list.losses.find((l) => l.entry.id === written.entry.id);
        setSaved((s) =>
          s?.written.entry.id === written.entry.id ? { ...s, deadlines: loss?.deadlines ?? [] } : s,
        );
      },
      () => {
        setSaved((s) => (s?.written.entry.id === written.entry.id ? { ...s, deadlines: [] } : s));
      },
    );
  };
  const formCtx: EntryFormContext = { ...ctx, onRecorded: recorded };
  const here = saved?.written.balancesAfter.find((b) => b.locationId === ctx.location.id);

  return (
    <section aria-labelledby="cd-record-heading" className="subsection">
      <h2 id="cd-record-heading" className="visually-hidden">
        Record an entry
      </h2>
      {saved ? (
        <div role="status" className="notice notice-success cd-saved">
          <p>
            <strong>
              Entry {saved.written.entry.seq} recorded: {KIND_LABELS[saved.written.entry.kind]}.
            </strong>
            {here ? ` The register now shows ${stockSentence(here, here.openedMg, ctx.product)}.` : null}
          </p>
          {saved.written.entry.kind === 'loss' ? (
            <>
              <h3>Report deadlines</h3>
              {saved.deadlines === null ? (
                <p>Loading the report steps…</p>
              ) : (
                <LossDeadlines deadlines={saved.deadlines} />
              )}
            </>
          ) : null}
        </div>
      ) : null}
      <Tabs
        label="Record an entry"
        tabs={TABS}
        active={active}
        onChange={(id) => {
          setActive(TABS.find((t) => t.id === id)?.id ?? 'receipt');
          setSaved(null);
        }}
      >
        {active === 'receipt' ? <ReceiveStockForm ctx={formCtx} /> : null}
        {active === 'waste' ? <RecordWasteForm ctx={formCtx} /> : null}
        {active === 'transfer' ? <TransferForm ctx={formCtx} /> : null}
        {active === 'count' ? <CountForm ctx={formCtx} /> : null}
        {active === 'loss' ? <LossForm ctx={formCtx} /> : null}
        {active === 'correction' ? <CorrectionForm ctx={formCtx} /> : null}
      </Tabs>
    </section>
  );
}
