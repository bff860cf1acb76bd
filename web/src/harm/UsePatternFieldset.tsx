// UsePatternFieldset: the "Use pattern" section: days used, amount, routes, bingeing, escalation, last use, co-use.
import { coUseSubstances, routes } from '../../../src/domain/harm/index.ts';
import { Checkbox } from '../ui/Checkbox.tsx';
import { CheckboxGroup } from '../ui/CheckboxGroup.tsx';
import { Field } from '../ui/Field.tsx';
import { errorAt, type DraftSectionProps } from './assessment-draft.ts';
import { CO_USE_LABELS, ROUTE_LABELS, optionsOf } from './harm-labels.ts';

const at = (key: string) => `assessment.use.${key}`;

/** Pattern of use over the last 28 days (the TOP's recall window). */
export function UsePatternFieldset({
  draft,
  onChange,
  errors,
  today,
}: DraftSectionProps & { today: string }) {
  return (
    <fieldset className="form-section">
      <legend>Use pattern</legend>
      <div className="field-grid">
        <Field
          label="Days used in the last 28"
          type="number"
          inputMode="numeric"
          min={0}
          max={28}
          step={1}
          required
          value={draft.days}
          onValue={(days) => onChange({ days })}
          error={errors[at('daysUsedLast28')]}
          className="field-short"
        />
        <Field
          label="Typical amount per session"
          value={draft.typicalAmount}
          onValue={(typicalAmount) => onChange({ typicalAmount })}
          hint="In their words, e.g. “about 1 g”"
          maxLength={200}
          error={errors[at('typicalAmount')]}
        />
        <Field
          label="Date last used"
          type="date"
          max={today}
          value={draft.lastUsed}
          onValue={(lastUsed) => onChange({ lastUsed })}
          error={errors[at('lastUsed')]}
        />
        <Field
          label="Age at first use"
          type="number"
          inputMode="numeric"
          min={0}
          max={120}
          value={draft.ageAtFirstUse}
          onValue={(ageAtFirstUse) => onChange({ ageAtFirstUse })}
          error={errors[at('ageAtFirstUse')]}
          className="field-short"
        />
      </div>
      <CheckboxGroup
        legend="Routes"
        options={optionsOf(routes, ROUTE_LABELS)}
        values={draft.routes}
        onValues={(chosen) => onChange({ routes: chosen })}
        error={errorAt(errors, at('routes'))}
        columns
      />
      <div className="checkbox-group">
        <Checkbox
          label="Bingeing"
          checked={draft.bingeing}
          onChecked={(bingeing) => onChange({ bingeing })}
        />
        <Checkbox
          label="Escalating use or tolerance"
          checked={draft.escalating}
          onChecked={(escalating) => onChange({ escalating })}
        />
      </div>
      <CheckboxGroup
        legend="Co-use"
        options={optionsOf(coUseSubstances, CO_USE_LABELS)}
        values={draft.coUse ?? []}
        onValues={(chosen) => onChange({ coUse: chosen.length > 0 ? chosen : null })}
        error={errorAt(errors, at('coUse'))}
        columns
      >
        <Checkbox
          label="None"
          checked={draft.coUse !== null && draft.coUse.length === 0}
          onChecked={(none) => onChange({ coUse: none ? [] : null })}
        />
      </CheckboxGroup>
      <p className="hint">Leave co-use blank if it was not asked; tick “None” when they use nothing else.</p>
    </fieldset>
  );
}
