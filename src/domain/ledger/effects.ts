// What an entry does to stock: the signed change in sealed containers and mg at each location it touches.
import type { Effect, EntryKind, Quantity } from './entry.ts';
import { addMg, NO_MG, subtractMg, type Milligrams } from './units.ts';

/** The parts of an entry that decide its effect. */
export interface Movement {
  readonly kind: Exclude<EntryKind, 'correction'>;
  readonly quantity: Quantity;
  readonly locationId: string;
  readonly counterpartyLocationId?: string;
  readonly expected?: Quantity;
}

const isZero = (effect: Effect): boolean => effect.containers === 0 && effect.mg === 0;

function change(locationId: string, containers: number, mg: Milligrams): Effect {
  return { locationId, containers: containers === 0 ? 0 : containers, mg };
}

const negative = (mg: Milligrams): Milligrams => subtractMg(NO_MG, mg);

/**
 * Receipt adds; administration, waste, return, destruction and loss take away; a transfer takes away at
 * the source and adds at the destination; a count moves the balance to what was counted (counted −
 * expected, nothing when they agree). Zero changes are left out.
 */
export function effectsOf(movement: Movement): Effect[] {
  const { kind, quantity, locationId } = movement;
  const out = change(locationId, -quantity.containers, negative(quantity.mg));
  switch (kind) {
    case 'receipt':
      return [change(locationId, quantity.containers, quantity.mg)].filter((e) => !isZero(e));
    case 'administration':
    case 'waste':
    case 'return':
    case 'destruction':
    case 'loss':
      return [out].filter((e) => !isZero(e));
    case 'transfer': {
      const destination = movement.counterpartyLocationId ?? locationId;
      return [out, change(destination, quantity.containers, quantity.mg)].filter((e) => !isZero(e));
    }
    case 'count': {
      const expected = movement.expected ?? { containers: 0, mg: NO_MG };
      const adjustment = change(
        locationId,
        quantity.containers - expected.containers,
        subtractMg(quantity.mg, expected.mg),
      );
      return [adjustment].filter((e) => !isZero(e));
    }
  }
}

/** `after − before`, location by location, leaving out locations where nothing changes. */
export function differenceOf(after: readonly Effect[], before: readonly Effect[]): Effect[] {
  const totals = new Map<string, Effect>();
  const add = (effect: Effect, sign: 1 | -1): void => {
    const sum = totals.get(effect.locationId) ?? change(effect.locationId, 0, NO_MG);
    const mg = sign === 1 ? addMg(sum.mg, effect.mg) : subtractMg(sum.mg, effect.mg);
    totals.set(effect.locationId, change(effect.locationId, sum.containers + sign * effect.containers, mg));
  };
  for (const effect of after) add(effect, 1);
  for (const effect of before) add(effect, -1);
  return [...totals.values()].filter((e) => !isZero(e));
}
