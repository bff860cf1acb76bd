// PilotForm: the two groups of a pilot comparison, each a period, a team and an optional label, applied with "Compare".
import { useState, type SubmitEvent } from 'react';
import { Field } from '../ui/Field.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import type { GroupQuery, PilotQuery } from './pilot-query.ts';

interface PilotFormProps {
  initial: PilotQuery;
  teams: readonly { id: string; name: string }[];
  errors: Readonly<Record<string, string>>;
  onCompare: (query: PilotQuery) => void;
}

const GROUPS = [
  { key: 'first', legend: 'First group (before, or team A)' },
  { key: 'second', legend: 'Second group (after, or team B)' },
] as const;

/** Two fieldsets side by side; the comparison (and the page address) changes only on "Compare". */
export function PilotForm({ initial, teams, errors, onCompare }: PilotFormProps) {
  const [draft, setDraft] = useState(initial);
  const set = (g: 'first' | 'second', patch: Partial<GroupQuery>) =>
    setDraft((d) => ({ ...d, [g]: { ...d[g], ...patch } }));
  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    onCompare(draft);
  };
  return (
    <form onSubmit={onSubmit} aria-label="Groups to compare">
      <div className="pilot-groups">
        {GROUPS.map(({ key, legend }) => (
          <fieldset key={key} className="form-section">
            <legend>{legend}</legend>
            <Field
              label="From"
              type="date"
              required
              value={draft[key].from}
              onValue={(from) => set(key, { from })}
              error={errors[`${key}From`]}
            />
            <Field
              label="To"
              type="date"
              required
              value={draft[key].to}
              onValue={(to) => set(key, { to })}
              error={errors[`${key}To`]}
            />
            <SelectField
              label="Team"
              value={draft[key].service}
              onValue={(service) => set(key, { service })}
              placeholder="All teams (organisation)"
              options={teams.map((s) => ({ value: s.id, label: s.name }))}
              error={errors[`${key}Service`]}
            />
            <Field
              label="Label"
              hint="Optional, e.g. “Before the pathway”; up to 60 characters."
              maxLength={60}
              value={draft[key].label}
              onValue={(label) => set(key, { label })}
              error={errors[`${key}Label`]}
            />
          </fieldset>
        ))}
      </div>
      <div className="actions">
        <button type="submit">Compare</button>
      </div>
    </form>
  );
}
