// CarePlanForm: edit the care plan: interventions from the pack, goals, key worker, review date and why it changed.
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { useDraft } from '../forms/use-draft.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { SelectField, type Option } from '../ui/SelectField.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { newRow, planProblems, planRequest, type CarePlanDraft } from './care-plan-draft.ts';
import { GoalsRows } from './GoalsRows.tsx';
import type { ContentPack } from './harm-types.ts';
import { PlanInterventionRow } from './PlanInterventionRow.tsx';

interface CarePlanFormProps {
  patientId: string;
  start: CarePlanDraft;
  pack: ContentPack;
  me: { id: string };
  /** True when a plan exists, so this saves version 2 or later and asks why. */
  isChange: boolean;
  onSaved: (saved: { version: number; reviewDue: string }) => void;
  onCancel: () => void;
}

/** People to own a task: there is no staff list for clinicians, so "Me", "Unassigned", or whoever it is now. */
function peopleOptions(me: string, current: string): Option[] {
  const options = [
    { value: me, label: 'Me' },
    { value: '', label: 'Unassigned' },
  ];
  return current && current !== me
    ? [{ value: current, label: 'Current owner (unchanged)' }, ...options]
    : options;
}

/** "Save care plan" posts a new version; "Cancel" closes the form. */
export function CarePlanForm({ patientId, start, pack, me, isChange, onSaved, onCancel }: CarePlanFormProps) {
  const form = useFormSubmit();
  const [draft, setDraft, clearDraft] = useDraft<CarePlanDraft>('care-plan', start);
  const [adding, setAdding] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const set = (patch: Partial<CarePlanDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
  };
  const titleOf = (id: string) => pack.interventions.find((i) => i.id === id)?.title ?? id;
  const addable = pack.interventions.filter((i) => !draft.rows.some((r) => r.interventionId === i.id));

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    void form.submit(async () => {
      const saved = await api.post<{ version: number; reviewDue: string }>(
        `/patients/${encodeURIComponent(patientId)}/care-plan`,
        planRequest(draft),
      );
      clearDraft();
      onSaved(saved);
    }, planProblems(draft));
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack care-plan-form" aria-label="Edit care plan">
      <h4 ref={heading} tabIndex={-1} className="focus-target">
        Edit care plan
      </h4>
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      {draft.rows.length === 0 ? <p>No interventions in the plan yet.</p> : null}
      {draft.rows.map((row, i) => (
        <PlanInterventionRow
          key={row.key}
          row={row}
          title={titleOf(row.interventionId)}
          ownerOptions={peopleOptions(me.id, row.owner)}
          onRow={(next) => set({ rows: draft.rows.map((r) => (r.key === row.key ? next : r)) })}
          onRemove={() => set({ rows: draft.rows.filter((r) => r.key !== row.key) })}
          errorOf={(path) => form.errors[`interventions.${i}.${path}`]}
        />
      ))}
      <div className="add-row">
        <SelectField
          label="Intervention"
          value={adding}
          onValue={setAdding}
          placeholder="Choose an intervention to add"
          options={addable.map((i) => ({ value: i.id, label: i.title }))}
        />
        <button
          type="button"
          className="button-secondary"
          disabled={!adding}
          onClick={() => {
            set({ rows: [...draft.rows, newRow(adding, me.id, false)] });
            setAdding('');
          }}
        >
          Add intervention
        </button>
      </div>
      <GoalsRows goals={draft.goals} onGoals={(goals) => set({ goals })} errors={form.errors} />
      <div className="field-grid">
        <SelectField
          label="Key worker"
          value={draft.keyWorker}
          onValue={(keyWorker) => set({ keyWorker })}
          options={peopleOptions(me.id, draft.keyWorker)}
          error={form.errors.keyWorkerId}
        />
        <Field
          label="Review date"
          type="date"
          required
          value={draft.reviewDue}
          onValue={(reviewDue) => set({ reviewDue })}
          error={form.errors.reviewDue}
        />
      </div>
      {isChange ? (
        <Field
          label="Reason for change"
          multiline
          maxLength={500}
          value={draft.reason}
          onValue={(reason) => set({ reason })}
          error={form.errors.reason}
        />
      ) : null}
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          Save care plan
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            clearDraft();
            onCancel();
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
