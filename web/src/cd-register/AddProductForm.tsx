// AddProductForm: "Add product": a drug as stocked (form, strength, container, product code) for the CD officer.
import { useState, type SubmitEvent } from 'react';
import { productBodySchema } from '../../../src/schemas/cd-register.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useFormSubmit, zodErrors } from '../ui/use-form-submit.ts';
import { firstError } from './entry-form-context.ts';
import { toNumber } from './cd-format.ts';
import type { ProductBody, ProductView } from './cd-types.ts';

type Per = 'ml' | 'unit';
type CodeSystem = ProductBody['code']['system'];

const EMPTY = {
  drug: '',
  form: '',
  per: 'ml' as Per,
  strength: '',
  containerSize: '',
  containerName: 'vial',
  codeSystem: 'dmd' as CodeSystem,
  code: '',
  usSchedule: '',
  ukSchedule: '',
  ukClass: '',
};

const MEASURES = [
  { value: 'ml', label: 'Liquid, per mL' },
  { value: 'unit', label: 'Solid dose, per unit' },
];
const US_SCHEDULES = (['II', 'III', 'IV', 'V'] as const).map((value) => ({
  value,
  label: `Schedule ${value}`,
}));
const UK_SCHEDULES = ([1, 2, 3, 4, 5] as const).map((n) => ({ n, value: String(n), label: `Schedule ${n}` }));
const UK_CLASSES = (['A', 'B', 'C'] as const).map((value) => ({ value, label: `Class ${value}` }));

type Schedule = NonNullable<ProductBody['schedule']>;

/** The schedules chosen; the UK needs schedule and class together (the register prints both). */
function scheduleOf(values: typeof EMPTY): Schedule {
  const us = US_SCHEDULES.find((o) => o.value === values.usSchedule)?.value;
  const schedule = UK_SCHEDULES.find((o) => o.value === values.ukSchedule)?.n;
  const drugClass = UK_CLASSES.find((o) => o.value === values.ukClass)?.value;
  return {
    ...(us ? { us } : {}),
    ...(schedule !== undefined && drugClass ? { uk: { schedule, drugClass } } : {}),
  };
}

const CODE_SYSTEMS = [
  { value: 'dmd', label: 'dm+d (UK)' },
  { value: 'ndc', label: 'NDC (US)' },
  { value: 'other', label: 'Other' },
];

function strengthProblem(text: string): string | undefined {
  const n = toNumber(text);
  if (n === undefined) return 'Enter the strength';
  if (n <= 0) return 'Must be more than 0';
  return n > 100_000 ? 'At most 100000' : undefined;
}

/** The "Add product" form; the new product appears in "Stock at a glance" at every location. */
export function AddProductForm({ onAdded }: { onAdded: () => void }) {
  const form = useFormSubmit();
  const [values, setValues] = useState(EMPTY);
  const [added, setAdded] = useState<string | null>(null);
  const set =
    <K extends keyof typeof EMPTY>(key: K) =>
    (value: (typeof EMPTY)[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const strengthKey = values.per === 'ml' ? 'strength.mgPerMl' : 'strength.mgPerUnit';

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    setAdded(null);
    const strength = toNumber(values.strength) ?? Number.NaN;
    const body: ProductBody = {
      drug: values.drug,
      form: values.form,
      strength: values.per === 'ml' ? { mgPerMl: strength } : { mgPerUnit: strength },
      containerSize: toNumber(values.containerSize) ?? Number.NaN,
      containerName: values.containerName,
      code: { system: values.codeSystem, value: values.code },
      schedule: scheduleOf(values),
    };
    const parsed = productBodySchema.safeParse(body);
    // A union reports a bad strength as "strength: Invalid input"; say what is wrong on the one strength field.
    const local = Object.fromEntries(
      Object.entries(parsed.success ? {} : zodErrors(parsed.error)).filter(
        ([key]) => !key.startsWith('strength'),
      ),
    );
    const strengthError = strengthProblem(values.strength);
    if (strengthError) local[strengthKey] = strengthError;
    if (toNumber(values.containerSize) === undefined) local.containerSize = 'Enter the container size';
    if (Boolean(values.ukSchedule) !== Boolean(values.ukClass))
      local[values.ukSchedule ? 'schedule.uk.drugClass' : 'schedule.uk.schedule'] =
        'Give the UK schedule and class together';
    void form.submit(async () => {
      const product = await api.post<ProductView>('/cd-register/products', body);
      setAdded(product.label);
      setValues(EMPTY);
      onAdded();
    }, local);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="cd-add-product-heading">
      <h2 id="cd-add-product-heading">Add product</h2>
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      {added ? (
        <p role="status" className="saved-note">
          Added {added}.
        </p>
      ) : null}
      <div className="grid-2">
        <Field
          label="Drug"
          value={values.drug}
          onValue={set('drug')}
          error={form.errors.drug}
          hint='e.g. "Ketamine hydrochloride"'
          required
        />
        <Field
          label="Form"
          value={values.form}
          onValue={set('form')}
          error={form.errors.form}
          hint='As the regulator reads it, e.g. "solution for injection"'
          required
        />
        <SelectField
          label="Measured"
          value={values.per}
          onValue={(v) => set('per')(v === 'unit' ? 'unit' : 'ml')}
          options={MEASURES}
        />
        <Field
          label={values.per === 'ml' ? 'Strength (mg/mL)' : 'Strength (mg per unit)'}
          type="number"
          inputMode="decimal"
          min={0}
          value={values.strength}
          onValue={set('strength')}
          error={form.errors[strengthKey]}
          required
        />
        <Field
          label="Container size"
          type="number"
          inputMode="decimal"
          min={0}
          value={values.containerSize}
          onValue={set('containerSize')}
          error={form.errors.containerSize}
          hint={values.per === 'ml' ? 'mL in one container' : 'Whole units in one container'}
          required
        />
        <Field
          label="Container name"
          value={values.containerName}
          onValue={set('containerName')}
          error={form.errors.containerName}
          hint='"vial", "ampoule", "pack"'
          required
        />
        <SelectField
          label="Code system"
          value={values.codeSystem}
          onValue={(v) => set('codeSystem')(v === 'ndc' || v === 'other' ? v : 'dmd')}
          options={CODE_SYSTEMS}
          error={form.errors['code.system']}
        />
        <Field
          label="Code"
          value={values.code}
          onValue={set('code')}
          error={form.errors['code.value']}
          hint="The code printed on the box"
          required
        />
        <SelectField
          label="DEA schedule"
          value={values.usSchedule}
          onValue={set('usSchedule')}
          options={US_SCHEDULES}
          placeholder="Not recorded"
          error={form.errors['schedule.us']}
        />
        <SelectField
          label="UK schedule"
          value={values.ukSchedule}
          onValue={set('ukSchedule')}
          options={UK_SCHEDULES}
          placeholder="Not recorded"
          error={form.errors['schedule.uk.schedule']}
        />
        <SelectField
          label="UK class"
          value={values.ukClass}
          onValue={set('ukClass')}
          options={UK_CLASSES}
          placeholder="Not recorded"
          error={firstError(form.errors, 'schedule.uk.drugClass', 'schedule.uk')}
        />
      </div>
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          Add product
        </button>
      </div>
    </form>
  );
}
