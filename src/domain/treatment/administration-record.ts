// What an administration event keeps on the session record and answers: the product and dose at a start or rate
// change, the amount given and any waste due at a stop.
import type { AdministrationPlan } from './administration.ts';
import type { PlannedDose } from './administration-dose.ts';

/** Drug left over after a stop, to be wasted with a witness on the register's waste form. */
export interface WasteDue {
  readonly mg: number;
  readonly productId: string;
  readonly locationId: string;
}

/** What the person entered about the product at a start or rate change. */
export interface EnteredProduct {
  readonly product?: string | undefined;
  readonly concentrationMgPerMl?: number | undefined;
  readonly lot?: string | undefined;
  readonly expiry?: string | undefined;
}

/** The stock side of the event: what a start drew (with the register entry), or what a stop left to waste. */
export interface StockOutcome {
  readonly drawn?: { readonly stock: Readonly<Record<string, unknown>>; readonly entryId: string | null };
  readonly wasteDue?: (WasteDue & { readonly correctionId: string }) | null;
}

/** The event's stored data (JSON-ready). */
export function administrationData(
  plan: AdministrationPlan,
  planned: PlannedDose,
  entered: EnteredProduct,
  stock: StockOutcome,
): Record<string, unknown> {
  const waste = stock.wasteDue;
  if (plan.stopped) {
    const s = plan.stopped;
    return {
      givenMg: s.givenMg,
      givenMl: s.givenMl,
      startedMg: plan.startedMg,
      plannedMg: planned.doseMg,
      leftOverMg: s.leftOverMg,
      stoppedEarly: s.stoppedEarly,
      amountBasis: s.basis,
      ...(waste
        ? {
            wasteDue: { mg: waste.mg, productId: waste.productId, locationId: waste.locationId },
            registerCorrectionId: waste.correctionId,
          }
        : {}),
    };
  }
  const drawn = stock.drawn;
  return {
    product: entered.product ?? null,
    concentrationMgPerMl: entered.concentrationMgPerMl ?? null,
    lot: entered.lot ?? null,
    expiry: entered.expiry ?? null,
    doseMg: plan.dose.doseMg,
    rateMgPerHour: plan.dose.rateMgPerHour,
    plannedDoseMg: planned.doseMg,
    plannedRateMgPerHour: planned.rateMgPerHour,
    differenceReason: plan.dose.reason,
    ...(plan.notFromRegisterReason ? { notFromRegisterReason: plan.notFromRegisterReason } : {}),
    ...(drawn ? { cdStock: { ...drawn.stock, ...(drawn.entryId ? { entryId: drawn.entryId } : {}) } } : {}),
  };
}

/** The reply: the event, and on a stop what was given against planned and any waste now due. */
export function administrationReply(
  eventId: number,
  plan: AdministrationPlan,
  planned: PlannedDose,
  wasteDue: WasteDue | null,
) {
  const s = plan.stopped;
  return {
    id: eventId,
    event: plan.kind,
    at: plan.at.toISOString(),
    ...(s
      ? {
          given: {
            doseMg: s.givenMg,
            plannedMg: planned.doseMg,
            leftOverMg: s.leftOverMg,
            stoppedEarly: s.stoppedEarly,
          },
          wasteDue: wasteDue
            ? { mg: wasteDue.mg, productId: wasteDue.productId, locationId: wasteDue.locationId }
            : null,
        }
      : {}),
  };
}
