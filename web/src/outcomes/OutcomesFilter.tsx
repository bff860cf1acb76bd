// OutcomesFilter: the period ("From", "To"), "Team" and "Practitioner" of the outcome report, applied with "Show".
import { useState, type SubmitEvent } from 'react';
import { Field } from '../ui/Field.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import type { OutcomeQuery } from './outcome-query.ts';

interface OutcomesFilterProps {
  initial: OutcomeQuery;
  teams: readonly { id: string; name: string }[];
  practitioners: readonly { id: string; displayName: string }[];
  errors: Readonly<Record<string, string>>;
  onShow: (query: OutcomeQuery) => void;
}

/** The inputs keep what is typed; the report (and the page address) changes only on "Show". */
export function OutcomesFilter({ initial, teams, practitioners, errors, onShow }: OutcomesFilterProps) {
  const [draft, setDraft] = useState(initial);
  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    onShow(draft);
  };
  const known = practitioners.some((p) => p.id === draft.practitioner);
  const people = [
    ...practitioners.map((p) => ({ value: p.id, label: p.displayName })),
    ...(draft.practitioner && !known
      ? [{ value: draft.practitioner, label: 'The chosen practitioner' }]
      : []),
  ];
  return (
    <form onSubmit={onSubmit} className="outcome-filter" aria-label="Report filters">
      <Field
        label="From"
        type="date"
        required
        value={draft.from}
        onValue={(from) => setDraft((d) => ({ ...d, from }))}
        error={errors.from}
      />
      <Field
        label="To"
        type="date"
        required
        value={draft.to}
        onValue={(to) => setDraft((d) => ({ ...d, to }))}
        error={errors.to}
      />
      <SelectField
        label="Team"
        value={draft.service}
        onValue={(service) =>
          // Another team has other staff: back to "Everyone" until that team's report lists them.
          setDraft((d) => ({ ...d, service, practitioner: '' }))
        }
        placeholder="All teams (organisation)"
        options={teams.map((s) => ({ value: s.id, label: s.name }))}
        error={errors.service}
      />
      <SelectField
        label="Practitioner"
        value={draft.practitioner}
        onValue={(practitioner) => setDraft((d) => ({ ...d, practitioner }))}
        placeholder="Everyone"
        options={people}
        error={errors.practitioner}
      />
      <div className="actions">
        <button type="submit">Show</button>
      </div>
      <p className="hint outcome-filter-hint">
        Practitioners listed are the clinical staff of the team shown; show a team first to choose one of
        them.
      </p>
    </form>
  );
}
