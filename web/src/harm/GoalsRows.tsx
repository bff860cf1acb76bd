// GoalsRows: the care plan's goals, in the person's words, one row each, added and removed in place.
import { Field } from '../ui/Field.tsx';
import { RowList } from '../ui/RowList.tsx';
import { newKey } from './care-plan-draft.ts';

type Goal = { key: number; text: string };

interface GoalsRowsProps {
  goals: readonly Goal[];
  onGoals: (goals: Goal[]) => void;
  errors: Readonly<Record<string, string>>;
}

/** "Goals": "Goal 1", "Goal 2"… each with "Remove goal N", and "Add goal". */
export function GoalsRows({ goals, onGoals, errors }: GoalsRowsProps) {
  return (
    <RowList
      legend="Goals"
      rows={goals}
      onRows={onGoals}
      blank={() => ({ key: newKey(), text: '' })}
      addLabel="Add goal"
      empty="No goals yet."
      error={errors.goals}
    >
      {(g, { index: i, update, remove }) => (
        <div key={g.key} className="goal-row">
          <Field
            label={`Goal ${i + 1}`}
            value={g.text}
            maxLength={500}
            onValue={(text) => update({ text })}
            error={errors[`goals.${i}`]}
          />
          <button type="button" className="button-small button-secondary" onClick={remove}>
            Remove goal {i + 1}
          </button>
        </div>
      )}
    </RowList>
  );
}
