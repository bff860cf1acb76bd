// Checks a register entry against the rules, the stock at hand and the service's policy, before it is appended.
import { applyEntry, findBalance, isPossible, openMg, type Balance } from './balance.ts';
import { correctionEffects, correctionTarget } from './correction.ts';
import { effectsOf } from './effects.ts';
import type { CheckedEntry, Effect, EntryDraft, LedgerEntry, Quantity, ValidEntry } from './entry.ts';
import { kindFieldProblems } from './kind-fields.ts';
import type { LedgerPolicy } from './policy.ts';
import { outcome, problem, type LedgerProblem, type Outcome } from './problems.ts';
import type { Location, Product } from './product.ts';
import { resolveQuantity } from './quantity.ts';
import { timingProblems } from './timing.ts';
import { witnessProblems } from './witnesses.ts';

/** What the store loads, inside the writing transaction, to check one draft. */
export interface ValidationContext {
  readonly product: Product;
  readonly location: Location;
  /** Current balances of the product (at least at this location and any transfer destination). */
  readonly balances: readonly Balance[];
  readonly policy: LedgerPolicy;
  readonly now: Date;
  /** The register so far: needed for corrections and the time order. */
  readonly entries?: readonly LedgerEntry[];
}

interface Move {
  readonly quantity: Quantity;
  readonly effects: readonly Effect[];
  readonly expected?: Quantity;
  readonly counterpartyLocationId?: string;
}

function plainMove(draft: EntryDraft, ctx: ValidationContext): Outcome<Move> {
  if (draft.kind === 'correction') return { ok: false, problems: [] };
  const here = findBalance(ctx.balances, draft.productId, draft.locationId);
  const resolved = resolveQuantity(draft.kind, draft.quantity, ctx.product, {
    openMg: openMg(here, ctx.product),
  });
  if (!resolved.ok) return resolved;
  const quantity = resolved.value;
  // A count records what the register showed at the moment of counting.
  const expected = draft.kind === 'count' ? { containers: here.containers, mg: here.mg } : undefined;
  const { kind, locationId, counterpartyLocationId } = draft;
  const effects = effectsOf({ kind, quantity, locationId, counterpartyLocationId, expected });
  return { ok: true, value: { quantity, effects, expected, counterpartyLocationId } };
}

function correctionMove(
  draft: EntryDraft,
  ctx: ValidationContext,
  entries: readonly LedgerEntry[],
): Outcome<Move> {
  // A missing target is already reported by the kind's field check.
  if (draft.correctsEntryId === undefined || draft.correctsEntryId.trim() === '')
    return { ok: false, problems: [] };
  const target = correctionTarget(draft, entries);
  if (!target.ok) return target;
  const { movement, standing } = target.value;
  const corrected =
    draft.quantity === undefined
      ? ({ ok: true, value: standing } as const)
      : resolveQuantity(movement.kind, draft.quantity, ctx.product, {
          allowZero: true,
          defaultContainers: standing.containers,
        });
  if (!corrected.ok) return corrected;
  const effects = correctionEffects(movement, standing, corrected.value);
  return {
    ok: true,
    value: { quantity: corrected.value, effects, counterpartyLocationId: movement.counterpartyLocationId },
  };
}

/** `insufficient-stock` wherever the entry would leave fewer sealed containers or opened mg than zero. */
function stockProblems(
  effects: readonly Effect[],
  productId: string,
  ctx: ValidationContext,
): LedgerProblem[] {
  return effects.flatMap((effect) => {
    const before = findBalance(ctx.balances, productId, effect.locationId);
    const after = applyEntry(before, { productId, effects: [effect] });
    const takes = effect.containers < 0 || effect.mg < 0;
    if (!takes || isPossible(after, ctx.product)) return [];
    const open = openMg(before, ctx.product);
    const where = effect.locationId === ctx.location.id ? ctx.location.name : effect.locationId;
    const text = `Not enough stock at ${where}: ${before.containers} sealed containers and ${open} mg opened.`;
    return [problem('insufficient-stock', 'quantity', text)];
  });
}

const differs = (a: Quantity, b: Quantity): boolean => a.containers !== b.containers || a.mg !== b.mg;

function build(draft: EntryDraft, move: Move, now: Date): ValidEntry {
  const { quantity: _q, occurredAt, witnesses, ...rest } = draft;
  const recordedAt = now.toISOString();
  const entry: CheckedEntry = {
    ...rest,
    ...(draft.kind === 'administration'
      ? { administeredById: draft.administeredById ?? draft.authorId }
      : {}),
    ...(move.counterpartyLocationId === undefined
      ? {}
      : { counterpartyLocationId: move.counterpartyLocationId }),
    ...(move.expected === undefined ? {} : { expected: move.expected }),
    quantity: move.quantity,
    occurredAt: draft.kind === 'correction' ? recordedAt : (occurredAt ?? recordedAt),
    recordedAt,
    witnesses: witnesses ?? [],
    effects: move.effects,
  };
  return entry as ValidEntry;
}

/**
 * Every reason the draft cannot be appended, or the entry to append: quantity resolved, effects on
 * balances computed, and `recordedAt` set to `now`. The store appends it in the same transaction in
 * which it loaded `balances` and `entries`, so stock cannot go negative under concurrency (R26).
 */
export function validateEntry(draft: EntryDraft, ctx: ValidationContext): Outcome<ValidEntry> {
  const entries = ctx.entries ?? [];
  // Checking against the wrong product would use the wrong mg per container.
  const mismatch = [
    ...(ctx.product.id === draft.productId ? [] : ['productId' as const]),
    ...(ctx.location.id === draft.locationId ? [] : ['locationId' as const]),
  ].map((field) => problem('wrong-kind-fields', field, `The ${field} loaded does not match the entry.`));
  const problems: LedgerProblem[] = [
    ...mismatch,
    ...kindFieldProblems(draft, ctx.policy.mode),
    ...timingProblems(draft, ctx.policy, ctx.now, entries),
    ...witnessProblems({
      authorId: draft.authorId,
      witnesses: draft.witnesses ?? [],
      required: ctx.policy.witnesses[draft.kind].count,
      now: ctx.now,
      freshnessMs: ctx.policy.witnessFreshnessMs,
    }),
  ];
  const move = draft.kind === 'correction' ? correctionMove(draft, ctx, entries) : plainMove(draft, ctx);
  if (!move.ok) return { ok: false, problems: [...problems, ...move.problems] };
  problems.push(...stockProblems(move.value.effects, draft.productId, ctx));
  const { expected, quantity } = move.value;
  if (expected !== undefined && differs(quantity, expected) && (draft.reason ?? '').trim() === '') {
    const text = `Counted ${quantity.containers} containers / ${quantity.mg} mg but the register shows ${expected.containers} / ${expected.mg} mg: explain the discrepancy.`;
    problems.push(problem('discrepancy-needs-explanation', 'reason', text));
  }
  return outcome(problems, () => build(draft, move.value, ctx.now));
}
