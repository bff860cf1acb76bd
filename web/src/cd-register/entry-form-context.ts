// What every register entry form is given: the product and location, the stock now, the policy, and what to call back.
import type { FieldErrors } from '../api/api-error.ts';
import { entryBodySchema } from '../../../src/schemas/cd-register.ts';
import { zodErrors } from '../ui/use-form-submit.ts';
import type {
  BalanceView,
  EntryBody,
  EntryKind,
  EntryWritten,
  LocationView,
  ProductView,
  RegisterLine,
  RegisterSettings,
} from './cd-types.ts';
import type { Catalog } from './use-catalog.ts';
import { BLANK_WITNESS, type WitnessInput } from './witness-input.ts';

export interface EntryFormContext {
  product: ProductView;
  location: LocationView;
  catalog: Catalog;
  /** The balance the register shows now at this location. */
  balance: BalanceView;
  settings: RegisterSettings;
  lines: readonly RegisterLine[];
  /** After a 201: show what was recorded and reload the register. */
  onRecorded: (written: EntryWritten) => void;
  /** The register moved under the form (409 register-changed): reload it. */
  onStale: () => void;
}

/** Blank signatures for as many witnesses as the service's policy asks for this kind. */
export function blankWitnesses(settings: RegisterSettings, kind: EntryKind): WitnessInput[] {
  const count = settings.witnesses[kind].count;
  return Array.from({ length: count }, () => BLANK_WITNESS);
}

/**
 * Field messages for a body the server's schema would refuse, keyed as the server keys them; merged with the
 * form's own messages (blank numbers, half-filled witnesses), which win.
 */
export function localErrors(body: EntryBody, own: FieldErrors): FieldErrors {
  const parsed = entryBodySchema.safeParse(body);
  return { ...(parsed.success ? {} : zodErrors(parsed.error)), ...own };
}

/** The first message among `keys` (a refusal of the whole quantity shows on its first field). */
export function firstError(errors: FieldErrors, ...keys: string[]): string | undefined {
  for (const key of keys) if (errors[key]) return errors[key];
  return undefined;
}
