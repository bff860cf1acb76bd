// Register policy: regulator mode, witnesses per entry kind, and the time limits; every default names its source.
import type { Sourced } from '../instruments/types.ts';
import type { EntryKind } from './entry.ts';

/** Which regulator's record the register must satisfy: US DEA (21 CFR 1304) or UK MDR 2001 (regs 19–20). */
export type RegisterMode = 'us' | 'uk';

/** How many distinct, freshly re-authenticated witnesses an entry kind needs, and why. */
export interface WitnessRule extends Sourced {
  readonly count: number;
}

/** A service's register policy. Witness counts are per kind and configurable (security.md R25). */
export interface LedgerPolicy {
  readonly mode: RegisterMode;
  readonly witnesses: Readonly<Record<EntryKind, WitnessRule>>;
  /** An entry made longer than this after the transaction needs a late-entry reason. */
  readonly lateEntryAfterMs: number;
  /** How far ahead of the server clock a transaction time may be (browser clocks drift). */
  readonly futureToleranceMs: number;
  /** How recently a witness must have re-authenticated, measured at validation. */
  readonly witnessFreshnessMs: number;
}

const HOUR_MS = 3_600_000;

const none = (source: string): WitnessRule => ({ count: 0, source, certainty: 'local' });

/** Default witness counts. Only waste and destruction have a source; the rest are KASPR's choices. */
export const DEFAULT_WITNESSES: Readonly<Record<EntryKind, WitnessRule>> = {
  receipt: none(
    'No witness required by the sources in clinic.md §5 or security.md §1.4; services may add one.',
  ),
  administration: none(
    'Witnessed administration is local policy, not law (security.md §1.4 [S], CD SOPs); services may add one.',
  ),
  waste: {
    count: 1,
    source:
      'Witnessed waste: "standard practice and often required by state or institution", not a verified federal rule' +
      ' (clinic.md §5 [U]); UK local policy (security.md §1.4 [S]). clinic.md: "Build a witnessed-waste co-signature anyway".',
    certainty: 'convention',
  },
  transfer: none('No witness required by the sources; services may add one.'),
  return: none('No witness required by the sources; services may add one.'),
  destruction: {
    count: 2,
    source:
      'DEA Form 41 needs two authorized-employee witnesses (21 CFR 1317, clinic.md §5 [V]); UK reg 27 needs an' +
      ' Authorised Witness (security.md §1.4 [S]). Two satisfies both if one is the authorised witness.',
    certainty: 'verified',
  },
  loss: none('Reporting, not witnessing, is the control for loss (21 CFR 1301.76(b)); services may add one.'),
  count: {
    count: 1,
    source:
      'KASPR choice: a count with a discrepancy changes the balance, so a second person checks it (hazard: one' +
      ' person hiding a shortfall). Not from a cited source.',
    certainty: 'local',
  },
  correction: {
    count: 1,
    source:
      'KASPR choice: a correction can change the balance, so a second person checks it. Not from a cited source;' +
      ' reg 20(c) requires only a dated note.',
    certainty: 'local',
  },
};

/** The default policy for a mode. */
export function defaultLedgerPolicy(mode: RegisterMode): LedgerPolicy {
  return {
    mode,
    witnesses: DEFAULT_WITNESSES,
    // MDR reg 20(b): on the day or the next day; R24 reads this as "more than 1 day" → 24 h, the stricter reading.
    lateEntryAfterMs: 24 * HOUR_MS,
    futureToleranceMs: 60_000,
    witnessFreshnessMs: 5 * 60_000,
  };
}

/** The policy with some witness counts changed (a service raising or lowering its own requirement). */
export function withWitnessCounts(
  policy: LedgerPolicy,
  counts: Partial<Record<EntryKind, number>>,
  source: string,
): LedgerPolicy {
  const witnesses = { ...policy.witnesses };
  for (const [kind, count] of Object.entries(counts) as [EntryKind, number][]) {
    witnesses[kind] = { count, source, certainty: 'local' };
  }
  return { ...policy, witnesses };
}
