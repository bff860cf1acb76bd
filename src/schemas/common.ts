// Shared field schemas used by the API (validation, OpenAPI) and by the web forms.
import { z } from 'zod';

export const uuid = z.uuid();

// A NUL, or half of a UTF-16 surrogate pair on its own, cannot be stored as text (PostgreSQL refuses both).
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const UNSTORABLE_TEXT = 'Contains a character that cannot be stored (NUL or an unpaired surrogate)';

/** True when the text holds no NUL and no unpaired surrogate, so both engines can store it. */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !UNPAIRED_SURROGATE.test(value);
}

/**
 * The string primitive for every request field: any text both engines can store. Chain `.trim()`, `.max()`
 * and the rest on it as on `z.string()`.
 */
export const storableString = () => z.string().refine(isStorableText, UNSTORABLE_TEXT);

// Plausible years for dates people enter: a year 0000 would be stored as 1 BC, and nobody alive is older than 1900.
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2200;

/** True for 'YYYY-MM-DD' that is a real calendar day (no 30 February) within the plausible years. */
export function isPlausibleIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) return false;
  const year = d.getUTCFullYear();
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

const yearInRange = (value: string): boolean => {
  const year = Number(value.slice(0, 4));
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
};

/** A calendar date 'YYYY-MM-DD' that really exists (no 31 February), in the years 1900–2200. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD')
  .refine((value) => {
    const d = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
  }, 'Not a real calendar date')
  .refine(yearInRange, `Give a year from ${EARLIEST_YEAR} to ${LATEST_YEAR}`);

/** An ISO 8601 date-time with its offset (a real calendar day), in the years 1900–2200. */
export const isoDateTime = z.iso
  .datetime({ offset: true })
  .refine(yearInRange, `Give a year from ${EARLIEST_YEAR} to ${LATEST_YEAR}`);

/** Short single-line text, trimmed, bounded. */
export const shortText = (max = 200) =>
  storableString().trim().min(1, 'Required').max(max, `At most ${max} characters`);

export const email = storableString()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email('Not a valid email address'));

// Deep enough for any assessment, questionnaire or content pack we hold; deeper is refused, not stored.
const MAX_JSON_DEPTH = 32;

/**
 * Free-form JSON (an assessment, a FHIR resource, a content pack) whose every key and string both engines
 * can store, nested at most 32 deep. Each offending value is named by its path.
 */
export const storableJson = z.unknown().superRefine((value, ctx) => {
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (typeof node === 'string') {
      if (!isStorableText(node)) ctx.addIssue({ code: 'custom', message: UNSTORABLE_TEXT, path });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (path.length >= MAX_JSON_DEPTH) {
      ctx.addIssue({ code: 'custom', message: `Nested more than ${MAX_JSON_DEPTH} levels deep`, path });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    for (const [key, item] of Object.entries(node)) {
      if (!isStorableText(key))
        ctx.addIssue({ code: 'custom', message: UNSTORABLE_TEXT, path: [...path, key] });
      walk(item, [...path, key]);
    }
  };
  walk(value, []);
});

/** A JSON object of free-form content (see storableJson). */
export const storableRecord = () => z.record(storableString(), storableJson);

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  code: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** Route parameters of a resource addressed by its id (`/things/:id`). */
export const idParams = z.object({ id: uuid }).strict();
