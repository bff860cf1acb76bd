// The witness part of an entry request: blank signatures left out (the server answers "needs a witness").
import type { FieldErrors } from '../api/api-error.ts';
import type { EntryBody, WitnessBody } from './cd-types.ts';

export interface WitnessInput {
  email: string;
  password: string;
}

export const BLANK_WITNESS: WitnessInput = { email: '', password: '' };

/** The request path of the i-th witness: one witness is `witness`, more are `witnesses.N`. */
export function witnessKey(i: number, count: number): string {
  return count === 1 ? 'witness' : `witnesses.${i}`;
}

/**
 * `{ witness }` for one, `{ witnesses }` for more, and messages for half-filled signatures. A signature left
 * wholly blank is not sent, so the server's own refusal (witness-required) says what the entry needs.
 */
export function witnessRequest(inputs: readonly WitnessInput[]): {
  body: Pick<EntryBody, 'witness' | 'witnesses'>;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  const signed: WitnessBody[] = [];
  inputs.forEach((w, i) => {
    const email = w.email.trim();
    if (email === '' && w.password === '') return;
    const key = witnessKey(i, inputs.length);
    if (email === '') errors[`${key}.email`] = "Enter the witness's email";
    else if (w.password === '') errors[`${key}.password`] = 'The witness enters their password';
    else signed.push({ email, password: w.password });
  });
  if (signed.length === 0) return { body: {}, errors };
  return { body: inputs.length === 1 ? { witness: signed[0] } : { witnesses: signed }, errors };
}
