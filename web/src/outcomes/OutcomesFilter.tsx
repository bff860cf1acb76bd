// OutcomesFilter: the period ("From", "To") and "Service" of the outcome report, applied with "Show".
import { useState, type SubmitEvent } from 'react';
import { Field } from '../ui/Field.tsx';
import { SelectField } from '../ui/SelectField.tsx';

/** The report's query: ISO dates and a service id ('' for all the user's services). */
export interface OutcomeQuery {
  from: string;
  to: string;
  service: string;
}

interface OutcomesFilterProps {
  initial: OutcomeQuery;
  services: readonly { id: string; name: string }[];
  errors: Readonly<Record<string, string>>;
  onShow: (query: OutcomeQuery) => void;
}

/** The inputs keep what is typed; the report changes only on "Show". */
export function OutcomesFilter({ initial, services, errors, onShow }: OutcomesFilterProps) {
  const [draft, setDraft] = useState(initial);
  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    onShow(draft);
  };
  return (
    <form onSubmit={onSubmit} className="outcome-filter" aria-label="Report period and service">
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
        label="Service"
        value={draft.service}
        onValue={(service) => setDraft((d) => ({ ...d, service }))}
        placeholder="All my services"
        options={services.map((s) => ({ value: s.id, label: s.name }))}
        error={errors.service}
      />
      <div className="actions">
        <button type="submit">Show</button>
      </div>
    </form>
  );
}
