// Shared field schemas used by the API (validation, OpenAPI) and by the web forms.
import { z } from 'zod';

export const uuid = z.uuid();

/** A calendar date 'YYYY-MM-DD' that really exists (no 31 February). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD')
  .refine((value) => {
    const d = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
  }, 'Not a real calendar date');

/** Short single-line text, trimmed, bounded. */
export const shortText = (max = 200) =>
  z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email('Not a valid email address'));

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  code: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
