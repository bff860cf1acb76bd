// Pure helpers of form values: schema checks as field errors, blank fields left out, errors under a path.
import type { z } from 'zod';
import type { FieldErrors } from '../api/api-error.ts';

/** Turns zod issues into messages keyed by dotted path; the first message for a path wins. */
export function zodErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** The field errors `schema` finds in `body` (none when it passes, or when there is no schema). */
export function schemaErrors(schema: z.ZodType | null, body: unknown): FieldErrors {
  if (!schema) return {};
  const parsed = schema.safeParse(body);
  return parsed.success ? {} : zodErrors(parsed.error);
}

/** The values without the text fields left blank (optional fields the server wants absent, not ""). */
export function withoutBlanks<V extends Record<string, unknown>>(values: V): Partial<V> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => !(typeof v === 'string' && v.trim() === '')),
  ) as Partial<V>;
}

/** The message for `path` itself, or else the first one for a part of it ("serviceIds" or "serviceIds.0"). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  return errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];
}
