// GoalsRows: the care plan's goals, in the person's words, one row each, added and removed in place.
import { Field } from '../ui/Field.tsx';
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
    <fieldset className="row-group">
      <legend>Goals</legend>
      {errors.goals ? <p className="field-error">{errors.goals}</p> : null}
      {goals.length === 0 ? <p className="hint">No goals yet.</p> : null}
      {goals.map((g, i) => (
        <div key={g.key} className="goal-row">
          <Field
            label={`Goal ${i + 1}`}
            value={g.text}
            maxLength={500}
            onValue={(text) => {
              onGoals(goals.map((x) => (x.key === g.key ? { ...x, text } : x)));
            }}
            error={errors[`goals.${i}`]}
          />
          <button
            type="button"
            className="button-small button-secondary"
            onClick={() => {
              onGoals(goals.filter((x) => x.key !== g.key));
            }}
          >
            Remove goal {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button-small button-secondary"
        onClick={() => {
          onGoals([...goals, { key: newKey(), text: '' }]);
        }}
      >
        Add goal
      </button>
    </fieldset>
  );
}
