// Controlled-drug register request shapes: products, locations, settings, entries and report queries.
import { z } from 'zod';
import { ENTRY_KINDS } from '../domain/ledger/index.ts';
import { email, isoDate, shortText, storableString, uuid } from './common.ts';

/** A uuid in lower case, as the database gives it back (register hashes cover the ids as written). */
const id = uuid.transform((value) => value.toLowerCase());

const text = (max: number) => storableString().trim().max(max, `At most ${max} characters`);
const line = (max: number) => shortText(max);

const CODE_SYSTEMS = ['ndc', 'dmd', 'other'] as const;

export const productBodySchema = z
  .object({
    drug: line(200),
    form: line(200).describe('Finished form as the regulator reads it, e.g. "solution for injection"'),
    strength: z
      .union([
        z.object({ mgPerMl: z.number().positive().max(100_000) }).strict(),
        z.object({ mgPerUnit: z.number().positive().max(100_000) }).strict(),
      ])
      .describe('{ mgPerMl } for liquids, or { mgPerUnit } for solid doses'),
    containerSize: z
      .number()
      .positive()
      .max(100_000)
      .describe('mL in one container for a liquid; whole units for a solid dose'),
    containerName: line(50).default('vial').describe('"vial", "ampoule", "pack"'),
    code: z.object({ system: z.enum(CODE_SYSTEMS), value: line(100) }).strict(),
    schedule: z
      .object({
        us: z.enum(['II', 'III', 'IV', 'V']).optional(),
        uk: z
          .object({
            schedule: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
            drugClass: z.enum(['A', 'B', 'C']),
          })
          .strict()
          .optional(),
      })
      .strict()
      .default({}),
  })
  .strict();
export type ProductBody = z.infer<typeof productBodySchema>;

export const locationBodySchema = z
  .object({
    name: line(100).describe('The CD cupboard or safe, e.g. "Main safe"'),
    premises: line(300).describe('The premises it is at; the UK keeps one register per premises'),
  })
  .strict();

export const settingsBodySchema = z
  .object({
    mode: z.enum(['uk', 'us']).optional().describe('Which regulator record the register keeps'),
    witnessCounts: z
      .partialRecord(z.enum(ENTRY_KINDS), z.number().int().min(0).max(3))
      .optional()
      .describe('Witnesses needed per entry kind; leave a kind out to keep its default'),
  })
  .strict();

const witnessSchema = z
  .union([
    z.object({ email, password: storableString().min(1).max(200) }).strict(),
    z.object({ email, totp: storableString().regex(/^\d{6}$/, 'Six digits') }).strict(),
  ])
  .describe('The witness signs by re-authenticating now: their email with their password or a TOTP code');
export type WitnessCredentials = z.infer<typeof witnessSchema>;

const quantitySchema = z
  .object({
    containers: z.number().int().min(0).max(100_000).optional().describe('Sealed containers'),
    mg: z.number().min(0).max(10_000_000).optional().describe('Total mg, to 0.001 mg'),
  })
  .strict();

export const entryBodySchema = z
  .object({
    kind: z.enum(ENTRY_KINDS),
    productId: id,
    locationId: id,
    quantity: quantitySchema.optional(),
    occurredAt: storableString()
      .max(40)
      .optional()
      .describe('When it happened, ISO 8601 with the local offset; now when left out'),
    patientId: id.optional(),
    sessionId: id.optional(),
    administeredById: id.optional().describe('Who gave the drug; the author when left out'),
    prescriberId: id.optional().describe('The prescriber (UK reg 19 "authority to possess")'),
    suppliedToAddress: line(500)
      .optional()
      .describe(
        "Administration: the address of the patient supplied (reg 19; 21 CFR 1304.22(c)(4)); the patient record's address when left out",
      ),
    witness: witnessSchema.optional(),
    witnesses: z.array(witnessSchema).max(4).optional(),
    reason: text(2000).optional(),
    lateEntryReason: text(2000).optional(),
    supplier: z
      .object({ name: line(200), address: line(500), registrationNumber: line(40).optional() })
      .strict()
      .optional(),
    invoice: line(100).optional(),
    lot: line(100).optional(),
    expiry: storableString().max(10).optional().describe('YYYY-MM-DD'),
    toLocationId: id.optional().describe('Transfer: the destination'),
    correctsEntryId: id.optional(),
    destructionMethod: text(500).optional(),
    theft: z.boolean().optional(),
    expected: z
      .object({ containers: z.number().int().min(0), mg: z.number().min(0) })
      .strict()
      .optional()
      .describe('Count: the balance the counter saw; refused with 409 register-changed if it has moved'),
  })
  .strict();
export type EntryBody = z.infer<typeof entryBodySchema>;

export const entryIdParams = z.object({ id }).strict();

export const registerQuery = z.object({ productId: id.optional(), locationId: id.optional() }).strict();

const format = z.enum(['json', 'csv', 'pdf']).default('json');

export const reportQuery = z.object({ productId: id.optional(), locationId: id.optional(), format }).strict();

export const inventoryQuery = z
  .object({
    asOf: isoDate.optional().describe('The inventory date; today when left out'),
    takenAt: z.enum(['opening', 'close']).default('close'),
    format,
  })
  .strict();
