// useEntryForm: the state of one register entry form: its values and witnesses, the entry body, and recording it.
import { useState } from 'react';
import { entryBodySchema } from '../../../src/schemas/cd-register.ts';
import type { FieldErrors } from '../api/api-error.ts';
import { ApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { useForm, type Form } from '../ui/use-form.ts';
import type { EntryBody, EntryKind, EntryWritten } from './cd-types.ts';
import { blankWitnesses, type EntryFormContext } from './entry-form-context.ts';
import { witnessRequest, type WitnessInput } from './witness-input.ts';

export type WithWitnesses<V> = V & { witnesses: WitnessInput[] };

export interface EntryForm<V> {
  form: Form<WithWitnesses<V>, EntryBody>;
  /** Checks the body (the server's schema, half-filled signatures and `own` messages), then records it. */
  record: (own?: FieldErrors) => void;
}

/**
 * `initial` are the kind's own fields; `toBody` turns them into the entry (the witnesses' part is added).
 * After a 201 the form is blank again and the register reloads; a count the register moved under
 * (409 register-changed) reloads it too. `prefill` sets some fields when the form opens, not after a save.
 */
export function useEntryForm<V extends object>(
  ctx: EntryFormContext,
  kind: EntryKind,
  initial: V,
  toBody: (values: V) => Omit<EntryBody, 'kind' | 'productId' | 'locationId'>,
  prefill: Partial<V> = {},
): EntryForm<V> {
  const start: WithWitnesses<V> = { ...initial, witnesses: blankWitnesses(ctx.settings, kind) };
  const state = useState<WithWitnesses<V>>(() => ({ ...start, ...prefill }));
  const form = useForm(entryBodySchema, start, {
    state,
    toBody: (v): EntryBody => ({
      kind,
      productId: ctx.product.id,
      locationId: ctx.location.id,
      ...toBody(v),
      ...witnessRequest(v.witnesses).body,
    }),
  });
  const record = (own: FieldErrors = {}) =>
    void form.send(
      async (body) => {
        try {
          const written = await api.post<EntryWritten>('/cd-register/entries', body);
          form.clear();
          ctx.onRecorded(written);
        } catch (err) {
          if (err instanceof ApiError && err.code === 'register-changed') ctx.onStale();
          throw err;
        }
      },
      { ...witnessRequest(form.values.witnesses).errors, ...own },
    );
  return { form, record };
}
