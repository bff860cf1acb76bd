// Questionnaire request shapes: answers keyed by item number with numeric scores, shared by API and web.
import { z } from 'zod';
import { isoDateTime, shortText, storableString } from './common.ts';

export const instrumentIdParam = z
  .object({ id: storableString().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Unknown instrument') })
  .strict();

/** Answers keyed "1"…"N" in published order; each value is the item's numeric score, or null if unanswered. */
export const answersSchema = z
  .record(storableString().max(8), z.number().nullable())
  .refine((a) => Object.keys(a).length <= 200, 'Too many answers')
  .describe('Item number ("1"…"N") → numeric score');

export const scoreRequestSchema = z.object({ answers: answersSchema }).strict();

export const saveResponseSchema = z
  .object({
    instrument: storableString().min(1).max(64),
    answers: answersSchema,
    completedAt: isoDateTime.optional().describe('When the patient answered; defaults to now'),
  })
  .strict();

export const selfReportLinkSchema = z
  .object({
    instruments: z.array(storableString().min(1).max(64)).min(1).max(5),
    expiresInMinutes: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .default(24 * 60),
  })
  .strict();

export const selfReportSubmitSchema = z
  .object({
    responses: z
      .array(z.object({ instrument: storableString().min(1).max(64), answers: answersSchema }).strict())
      .min(1)
      .max(5),
  })
  .strict();

export const noteSchema = z.object({ note: shortText(1000).optional() }).strict();
