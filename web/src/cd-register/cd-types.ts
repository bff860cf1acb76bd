// Controlled-drug register shapes the web client reads and sends, taken from the server's views, schemas and domain.
import type { z } from 'zod';
import type {
  balanceView,
  entryView,
  locationView,
  productView,
} from '../../../src/api/cd-register/views.ts';
import type {
  EntryKind,
  LossReportStep,
  Quantity,
  RegisterMode,
  WitnessRule,
} from '../../../src/domain/ledger/index.ts';
import type {
  entryBodySchema,
  locationBodySchema,
  productBodySchema,
} from '../../../src/schemas/cd-register.ts';
import type { ChainVerification } from '../../../src/store/audit.ts';
import type { LedgerSettings } from '../../../src/store/ledger.ts';

export type { ChainVerification, EntryKind, LossReportStep, Quantity, RegisterMode };

export type ProductView = ReturnType<typeof productView>;
export type LocationView = ReturnType<typeof locationView>;
export type BalanceView = ReturnType<typeof balanceView>;
export type EntryView = ReturnType<typeof entryView>;

/** Request bodies, as the server's schemas accept them. */
export type EntryBody = z.input<typeof entryBodySchema>;
export type ProductBody = z.input<typeof productBodySchema>;
export type LocationBody = z.input<typeof locationBodySchema>;
export type WitnessBody = NonNullable<EntryBody['witness']>;

/** GET /cd-register/balances: every product at every location, with its label and place. */
export interface StockRow extends BalanceView {
  product: string | null;
  location: LocationView | null;
}

/** GET /cd-register/entries: one line of the register with the balance after it at this location. */
export interface RegisterLine {
  entry: EntryView;
  balancesAfter: BalanceView[];
  struck: boolean;
  standing: Quantity | null;
  corrections: EntryView[];
  corrects: { id: string; seq: number; kind: EntryKind } | null;
}

export interface RegisterList {
  mode: RegisterMode;
  lines: RegisterLine[];
}

/** GET /cd-register/settings: the mode and the witnesses each kind needs. */
export interface RegisterSettings {
  mode: RegisterMode;
  witnessCounts: LedgerSettings['witnessCounts'];
  witnesses: Record<EntryKind, WitnessRule & { minimum: number; default: number }>;
}

/** POST /cd-register/entries (201). */
export interface EntryWritten {
  entry: EntryView;
  balanceAfter: BalanceView;
  balancesAfter: BalanceView[];
}

/** GET /cd-register/discrepancies. */
export interface CountDiscrepancy {
  entry: EntryView;
  counted: Quantity;
  expected: Quantity;
  difference: Quantity;
  explanation: string | null;
  correctedBy: string[];
}

export interface LossItem {
  entry: EntryView;
  theft: boolean;
  discoveredOn: string | null;
  deadlines: LossReportStep[];
  overdue: LossReportStep['code'][];
  correctedBy: string[];
}

export interface Discrepancies {
  mode: RegisterMode;
  counts: CountDiscrepancy[];
  losses: LossItem[];
}
