// Controlled-drug register shapes the web client reads and sends, taken from the server's reply and request schemas
// and the domain.
import type { z } from 'zod';
import type { EntryKind, LossReportStep, Quantity, RegisterMode } from '../../../src/domain/ledger/index.ts';
import type {
  entryBodySchema,
  locationBodySchema,
  productBodySchema,
} from '../../../src/schemas/cd-register.ts';
import type {
  balanceReply,
  chainVerificationReply,
  countDiscrepancyReply,
  discrepanciesReply,
  entryReply,
  entryWrittenReply,
  locationReply,
  lossItemReply,
  productReply,
  registerLineReply,
  registerListReply,
  settingsReply,
  stockRowReply,
} from '../../../src/schemas/replies/cd-register.ts';

export type { EntryKind, LossReportStep, Quantity, RegisterMode };

export type ProductView = z.output<typeof productReply>;
export type LocationView = z.output<typeof locationReply>;
export type BalanceView = z.output<typeof balanceReply>;
export type EntryView = z.output<typeof entryReply>;

/** Request bodies, as the server's schemas accept them. */
export type EntryBody = z.input<typeof entryBodySchema>;
export type ProductBody = z.input<typeof productBodySchema>;
export type LocationBody = z.input<typeof locationBodySchema>;
export type WitnessBody = NonNullable<EntryBody['witness']>;

/** GET /cd-register/balances: every product at every location, with its label and place. */
export type StockRow = z.output<typeof stockRowReply>;

/** GET /cd-register/entries: one line of the register with the balance after it at this location. */
export type RegisterLine = z.output<typeof registerLineReply>;
export type RegisterList = z.output<typeof registerListReply>;

/** GET /cd-register/settings: the mode and the witnesses each kind needs. */
export type RegisterSettings = z.output<typeof settingsReply>;

/** POST /cd-register/entries (201). */
export type EntryWritten = z.output<typeof entryWrittenReply>;

/** GET /cd-register/discrepancies. */
export type CountDiscrepancy = z.output<typeof countDiscrepancyReply>;
export type LossItem = z.output<typeof lossItemReply>;
export type Discrepancies = z.output<typeof discrepanciesReply>;

/** GET /cd-register/verify. */
export type ChainVerification = z.output<typeof chainVerificationReply>;
