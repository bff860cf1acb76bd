// Requests of the first-run checklist: which service it is for, and a clinical content sign-off.
import { z } from 'zod';
import { storableString, uuid } from './common.ts';

const ref = storableString().min(1).max(200);

/** The versions of the clinical content a reviewer read (as the checklist listed them). */
export const contentRefsSchema = z
  .object({
    instruments: z.array(ref).max(200),
    harmPack: ref,
    protocols: z.array(ref).max(50),
    thresholds: z.array(ref).max(50),
  })
  .strict();

/** GET /setup/checklist?service=: the service (default: the caller's first service, else the first service). */
export const checklistQuerySchema = z.object({ service: uuid.optional() }).strict();

/** POST /content-signoffs. */
export const contentSignOffSchema = z
  .object({
    serviceId: uuid.optional().describe("Default: the caller's first service, else the first service"),
    reviewed: contentRefsSchema.describe(
      'The versions the reviewer read; refused (409) when the content in force has changed since',
    ),
    note: storableString().trim().max(2000).optional(),
  })
  .strict();
