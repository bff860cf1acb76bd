// The "Add product" form's values, the product body they make, and the messages for what is missing or wrong.
import { productBodySchema } from '../../../src/schemas/cd-register.ts';
import type { FieldErrors } from '../api/api-error.ts';
import { schemaErrors } from '../ui/form-values.ts';
import { toNumber } from './cd-format.ts';
import type { ProductBody } from './cd-types.ts';

type Per = 'ml' | 'unit';
type CodeSystem = ProductBody['code']['system'];

export const EMPTY_PRODUCT = {
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

export const MEASURES = [
  { value: 'ml', label: 'Liquid, per mL' },
  { value: 'unit', label: 'Solid dose, per unit' },
];
export const US_SCHEDULES = (['II', 'III', 'IV', 'V'] as const).map((value) => ({
  value,
  label: `Schedule ${value}`,
}));
export const UK_SCHEDULES = ([1, 2, 3, 4, 5] as const).map((n) => ({
  n,
  value: String(n),
  label: `Schedule ${n}`,
}));
export const UK_CLASSES = (['A', 'B', 'C'] as const).map((value) => ({ value, label: `Class ${value}` }));

type Schedule = NonNullable<ProductBody['schedule']>;

/** The schedules chosen; the UK needs schedule and class together (the register prints both). */
export function scheduleOf(values: ProductValues): Schedule {
  const us = US_SCHEDULES.find((o) => o.value === values.usSchedule)?.value;
  const schedule = UK_SCHEDULES.find((o) => o.value === values.ukSchedule)?.n;
  const drugClass = UK_CLASSES.find((o) => o.value === values.ukClass)?.value;
  return {
    ...(us ? { us } : {}),
    ...(schedule !== undefined && drugClass ? { uk: { schedule, drugClass } } : {}),
  };
}

export const CODE_SYSTEMS = [
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

export type ProductValues = typeof EMPTY_PRODUCT;

/** The request path of the strength, which depends on how the product is measured. */
export const strengthKey = (values: ProductValues) =>
  values.per === 'ml' ? 'strength.mgPerMl' : 'strength.mgPerUnit';

/** The body of POST /cd-register/products; figures left blank are NaN, which the schema refuses. */
export function productBody(values: ProductValues): ProductBody {
  const strength = toNumber(values.strength) ?? Number.NaN;
  return {
    drug: values.drug,
    form: values.form,
    strength: values.per === 'ml' ? { mgPerMl: strength } : { mgPerUnit: strength },
    containerSize: toNumber(values.containerSize) ?? Number.NaN,
    containerName: values.containerName,
    code: { system: values.codeSystem, value: values.code },
    schedule: scheduleOf(values),
  };
}

/** The schema's messages, with the strength and schedule said in the form's own words. */
export function productErrors(values: ProductValues): FieldErrors {
  // A union reports a bad strength as "strength: Invalid input"; say what is wrong on the one strength field.
  const local = Object.fromEntries(
    Object.entries(schemaErrors(productBodySchema, productBody(values))).filter(
      ([key]) => !key.startsWith('strength'),
    ),
  );
  const strengthError = strengthProblem(values.strength);
  if (strengthError) local[strengthKey(values)] = strengthError;
  if (toNumber(values.containerSize) === undefined) local.containerSize = 'Enter the container size';
  if (Boolean(values.ukSchedule) !== Boolean(values.ukClass))
    local[values.ukSchedule ? 'schedule.uk.drugClass' : 'schedule.uk.schedule'] =
      'Give the UK schedule and class together';
  return local;
}
