// Replies of the controlled-drug register routes: products, locations, settings, entries, balances, the
// discrepancy worklist, the chain check and the regulator reports (JSON, or CSV and PDF files).
import { z } from 'zod';
import {
  ENTRY_KINDS,
  type InventoryRow,
  type LossReportStep,
  type MgPerMl,
  type MgPerUnit,
  type Milligrams,
  type Millilitres,
  type UkRegisterHeading,
  type UkRegisterRow,
  type UsRecordHeading,
  type UsRecordRow,
  type WitnessRule,
} from '../../domain/ledger/index.ts';
import { hashChainReply } from './admin.ts';
import { calendarDate, domainValue, fileReply, instant, orNull } from './common.ts';

/**
 * A number on the wire that the domain brands with its unit: described (and checked) as a number, typed as the
 * unit, so the web can hand it back to the domain's arithmetic without a cast.
 */
const unit = <T extends number>(description: string) =>
  z.number().describe(description) as unknown as z.ZodType<T, T>;

const mg = unit<Milligrams>('Milligrams, to 0.001 mg');
const registerMode = z.enum(['uk', 'us']).describe('Which regulator record the register keeps');
const entryKind = z.enum(ENTRY_KINDS);

/** Sealed containers and total mg (sealed contents plus any opened remainder). */
export const quantityReply = z.object({ containers: z.number().int(), mg });

const strength = z.discriminatedUnion('per', [
  z.object({
    per: z.literal('ml'),
    mgPerMl: unit<MgPerMl>('mg per mL'),
    containerMl: unit<Millilitres>('mL in one container'),
  }),
  z.object({
    per: z.literal('unit'),
    mgPerUnit: unit<MgPerUnit>('mg per unit'),
    containerUnits: z.number(),
  }),
]);

export const productReply = z.object({
  id: z.string(),
  drug: z.string(),
  form: z.string(),
  strength,
  containerName: z.string(),
  mgPerContainer: mg,
  code: z.object({ system: z.enum(['ndc', 'dmd', 'other']), value: z.string() }),
  schedule: z.object({
    us: z.enum(['II', 'III', 'IV', 'V']).optional(),
    uk: z
      .object({
        schedule: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
        drugClass: z.enum(['A', 'B', 'C']),
      })
      .optional(),
  }),
  label: z.string().describe('"Ketamine 50 mg/mL solution for injection, 10 mL vial"'),
});

/** GET /cd-register/products. */
export const productListReply = z.object({ products: z.array(productReply) });

export const locationReply = z.object({ id: z.string(), name: z.string(), premises: z.string() });

/** GET /cd-register/locations. */
export const locationListReply = z.object({ locations: z.array(locationReply) });

export const balanceReply = z.object({
  productId: z.string(),
  locationId: z.string(),
  containers: z.number().int(),
  mg,
  openedMg: orNull(mg).describe('mg in opened containers; null when the product was not at hand'),
});

/** A member of staff an entry names: their id, and their display name when it was loaded. */
const person = z.object({ id: z.string(), displayName: orNull(z.string()) });

export const entryReply = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: entryKind,
  productId: z.string(),
  locationId: z.string(),
  toLocationId: orNull(z.string()),
  quantity: quantityReply,
  occurredAt: z.string().describe('ISO 8601 with the local offset, as entered'),
  recordedAt: instant,
  author: person,
  witnesses: z.array(person.extend({ reauthenticatedAt: instant })),
  patientId: orNull(z.string()),
  sessionId: orNull(z.string()),
  administeredBy: orNull(person),
  prescriber: orNull(person),
  supplier: orNull(
    z.object({ name: z.string(), address: z.string(), registrationNumber: z.string().optional() }),
  ),
  invoice: orNull(z.string()),
  lot: orNull(z.string()),
  expiry: orNull(z.string()),
  destructionMethod: orNull(z.string()),
  theft: orNull(z.boolean()),
  reason: orNull(z.string()),
  lateEntryReason: orNull(z.string()),
  correctsEntryId: orNull(z.string()),
  expected: orNull(quantityReply),
  effects: z.array(z.object({ locationId: z.string(), containers: z.number().int(), mg })),
  patient: orNull(
    z.object({
      name: z.string().describe('As the register reports print it: the name, or a reference when withheld'),
      address: orNull(z.string()),
      withheld: z.boolean().describe('The reader may not read this patient: a reference, no address'),
      addressMissing: z.boolean().describe('An administration with no address of the person supplied'),
    }),
  )
    .optional()
    .describe('Where the register is read: the patient the entry is for, as the reports name them'),
  hash: z.string().optional().describe('The entry hash, where the register is read with its chain'),
  prevHash: z.string().optional(),
});

/** POST /cd-register/entries (201): the entry and the balances after it. */
export const entryWrittenReply = z.object({
  entry: entryReply,
  warnings: z
    .array(z.object({ code: z.string(), path: z.string(), message: z.string() }))
    .optional()
    .describe(
      'Recorded, but the register lacks something the regulations want (e.g. the supplied-to address)',
    ),
  balanceAfter: balanceReply,
  balancesAfter: z.array(balanceReply),
});

/** GET /cd-register/entries: one line of the register with the balances after it at the reader's locations. */
export const registerLineReply = z.object({
  entry: entryReply,
  balancesAfter: z.array(balanceReply),
  struck: z.boolean().describe('Corrected: shown as written, struck through (MDR reg 20(c))'),
  standing: orNull(quantityReply),
  corrections: z.array(entryReply),
  corrects: orNull(z.object({ id: z.string(), seq: z.number().int(), kind: entryKind })),
});

export const registerListReply = z.object({ mode: registerMode, lines: z.array(registerLineReply) });

/** GET /cd-register/entries/:id. */
export const entryDetailReply = z.object({
  entry: entryReply,
  struck: z.boolean(),
  standing: orNull(quantityReply),
  corrections: z.array(entryReply),
});

/** GET /cd-register/balances: every product at every location, with its label and place. */
export const stockRowReply = balanceReply.extend({
  product: orNull(z.string()),
  location: orNull(locationReply),
});

export const stockReply = z.object({ balances: z.array(stockRowReply) });

const witnessRequirement = z.object({
  count: z.number().int(),
  source: z.string(),
  certainty: domainValue<WitnessRule['certainty']>('How sure the source is'),
  minimum: z.number().int().describe('The fewest a service may set'),
  default: z.number().int(),
});

/** GET and PATCH /cd-register/settings: the mode and the witnesses each kind needs. */
export const settingsReply = z.object({
  mode: registerMode,
  modeChosen: z
    .boolean()
    .describe('False until a register mode has been saved: the default mode is in force'),
  witnessCounts: z.partialRecord(entryKind, z.number().int()),
  witnesses: z.record(entryKind, witnessRequirement),
});

/** A count that differed from the balance it was checked against. */
export const countDiscrepancyReply = z.object({
  entry: entryReply,
  counted: quantityReply,
  expected: quantityReply,
  difference: quantityReply,
  explanation: orNull(z.string()),
  correctedBy: z.array(z.string()),
});

/** A loss with the reports its mode's law asks for. */
export const lossItemReply = z.object({
  entry: entryReply,
  theft: z.boolean(),
  discoveredOn: orNull(calendarDate),
  deadlines: z.array(domainValue<LossReportStep>('A report to make, by when, and its source')),
  overdue: z.array(domainValue<LossReportStep['code']>('A report past its date')),
  correctedBy: z.array(z.string()),
});

/** GET /cd-register/discrepancies. */
export const discrepanciesReply = z.object({
  mode: registerMode,
  counts: z.array(countDiscrepancyReply),
  losses: z.array(lossItemReply),
});

/** GET /cd-register/verify: the register's chain is checked as the audit chain is, with the same answer (R22). */
export const chainVerificationReply = hashChainReply;

const reportFile = fileReply('text/csv or application/pdf, when format=csv or pdf');

const section = <H, R>(heading: string, row: string) =>
  z.object({
    premises: z.string(),
    productId: z.string(),
    locationId: z.string(),
    heading: domainValue<H>(heading),
    rows: z.array(domainValue<R>(row)),
  });

/** GET /cd-register/reports/uk (format=json): the register's sections with the reg 19 headings. */
export const ukReportReply = z.object({
  mode: z.literal('uk'),
  generatedAt: instant,
  sections: z.array(
    section<UkRegisterHeading, UkRegisterRow>('Drug, form, strength, class and location', 'A reg 19 line'),
  ),
});

/** GET /cd-register/reports/us (format=json): the 21 CFR 1304.22(c) record's sections. */
export const usReportReply = z.object({
  mode: z.literal('us'),
  generatedAt: instant,
  sections: z.array(
    section<UsRecordHeading, UsRecordRow>('Substance, finished form, container and location', 'A record row'),
  ),
});

/** GET /cd-register/reports/inventory (format=json): stock on hand as of a date, zero balances included. */
export const inventoryReportReply = z.object({
  mode: registerMode,
  asOf: calendarDate,
  takenAt: z.enum(['opening', 'close']),
  rows: z.array(
    domainValue<InventoryRow & { location: { id: string; name: string; premises: string } }>(
      'A product at a location: sealed containers, opened and total mg',
    ),
  ),
});

export const ukReportReplies = z.union([ukReportReply, reportFile]);
export const usReportReplies = z.union([usReportReply, reportFile]);
export const inventoryReportReplies = z.union([inventoryReportReply, reportFile]);
