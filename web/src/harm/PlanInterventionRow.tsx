// PlanInterventionRow: one intervention of the care plan being edited: how it is delivered, when, by whom, with what.
import { DELIVERY_MODES } from '../../../src/schemas/harm.ts';
import { Field } from '../ui/Field.tsx';
import { SelectField, type Option } from '../ui/SelectField.tsx';
import type { PlanRowDraft } from './care-plan-draft.ts';
import { DELIVERY_MODE_LABELS, optionsOf } from './harm-labels.ts';
import { MaterialsRows } from './MaterialsRows.tsx';

interface PlanInterventionRowProps {
  row: PlanRowDraft;
  title: string;
  /** "Me" and "Unassigned", and the current owner when it is someone else. */
  ownerOptions: readonly Option[];
  onRow: (row: PlanRowDraft) => void;
  onRemove: () => void;
  /** Field messages for this row, keyed relative to it ("dueDate", "materials.0.title"). */
  errorOf: (path: string) => string | undefined;
}

/** A fieldset named by the intervention's title. */
export function PlanInterventionRow(props: PlanInterventionRowProps) {
  const { row, title, ownerOptions, onRow, onRemove, errorOf } = props;
  const set = (patch: Partial<PlanRowDraft>) => {
    onRow({ ...row, ...patch });
  };
  return (
    <fieldset className="row-group plan-row">
      <legend>{title}</legend>
      {row.suggested ? <p className="hint">Suggested by the latest assessment.</p> : null}
      {errorOf('interventionId') ? <p className="field-error">{errorOf('interventionId')}</p> : null}
      <div className="field-grid">
        <SelectField
          label="Delivery mode"
          value={row.deliveryMode}
          onValue={(v) => {
            const mode = DELIVERY_MODES.find((m) => m === v);
            if (mode) set({ deliveryMode: mode });
          }}
          options={optionsOf(DELIVERY_MODES, DELIVERY_MODE_LABELS)}
          error={errorOf('deliveryMode')}
        />
        <Field
          label="Due date"
          type="date"
          value={row.dueDate}
          onValue={(dueDate) => set({ dueDate })}
          error={errorOf('dueDate')}
        />
        <SelectField
          label="Owner"
          value={row.owner}
          onValue={(owner) => set({ owner })}
          options={ownerOptions}
          error={errorOf('ownerId')}
        />
      </div>
      <MaterialsRows
        materials={row.materials}
        onMaterials={(materials) => set({ materials })}
        errorOf={(i, field) => errorOf(`materials.${i}.${field}`)}
      />
      <Field
        label="Note"
        value={row.note}
        maxLength={1000}
        onValue={(note) => set({ note })}
        error={errorOf('note')}
      />
      <div className="actions">
        <button type="button" className="button-small button-secondary" onClick={onRemove}>
          Remove {title}
        </button>
      </div>
    </fieldset>
  );
}
