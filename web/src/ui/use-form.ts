// useForm: one form's values, field bindings and errors checked by the route's zod schema, submitted through useFormSubmit.
import { useCallback, useState, type Dispatch, type SetStateAction } from 'react';
import type { z } from 'zod';
import type { FieldErrors } from '../api/api-error.ts';
import { schemaErrors } from './form-values.ts';
import { useFormSubmit, type FormSubmit } from './use-form-submit.ts';

/** The keys of `V` whose values are text, the ones a <Field> edits. */
type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

export interface FieldBinding {
  value: string;
  onValue: (value: string) => void;
  error: string | undefined;
}

export interface UseFormOptions<V, B> {
  /** The request body built from the values (the values themselves unless given). */
  toBody?: (values: V) => B;
  /** State kept elsewhere, e.g. `useDraft(...)`, used instead of the form's own. */
  state?: readonly [V, Dispatch<SetStateAction<V>>, ...unknown[]];
}

export interface Form<V, B> extends FormSubmit {
  values: V;
  setValues: Dispatch<SetStateAction<V>>;
  /** A setter for one value: `onValue={form.set('email')}`. */
  set: <K extends keyof V>(key: K) => (value: V[K]) => void;
  /** value, onValue and error of one text value, spread into a <Field>. */
  field: (key: TextKey<V>) => FieldBinding;
  /** Checks the body with the schema (and `extra` errors); when clean runs `action(body)`. True on success. */
  send: (action: (body: B) => Promise<void>, extra?: FieldErrors) => Promise<boolean>;
  /** Back to the initial values, but for the `keep` ones (e.g. the date, for the next entry of the same day). */
  clear: (...keep: (keyof V)[]) => void;
}

/** Form state for `schema` (the same one the route parses; null when the server alone decides). */
export function useForm<V extends object, B = V>(
  schema: z.ZodType | null,
  initial: V,
  options: UseFormOptions<V, B> = {},
): Form<V, B> {
  const submit = useFormSubmit();
  const own = useState<V>(initial);
  const [values, setValues] = options.state ?? own;
  const set = useCallback(
    <K extends keyof V>(key: K) =>
      (value: V[K]) =>
        setValues((v) => ({ ...v, [key]: value })),
    [setValues],
  );
  const field = (key: TextKey<V>): FieldBinding => ({
    value: values[key] as string,
    onValue: set(key) as (value: string) => void,
    error: submit.errors[key],
  });
  const body = options.toBody ? options.toBody(values) : (values as unknown as B);
  const send = (action: (body: B) => Promise<void>, extra: FieldErrors = {}) =>
    submit.submit(() => action(body), { ...schemaErrors(schema, body), ...extra });
  const clear = (...keep: (keyof V)[]) =>
    setValues((v) => ({ ...initial, ...Object.fromEntries(keep.map((k) => [k, v[k]])) }));
  return { ...submit, values, setValues, set, field, send, clear };
}
