// Reading an incoming FHIR resource (untrusted JSON) without trusting its shape: every accessor tolerates a
// missing or mistyped element, and KASPR's own schemas then decide what is acceptable.
export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The element as an object, or an empty one. */
export const obj = (v: unknown): Json => (isObject(v) ? v : {});

/** The element as a list of objects (non-objects dropped), or []. */
export const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** The element as a string, or undefined. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The id in a literal reference `Type/<id>` (relative or absolute), or undefined. */
export function referencedId(reference: unknown, type: string): string | undefined {
  const r = str(obj(reference).reference);
  const m = r === undefined ? null : new RegExp(`(?:^|/)${type}/([A-Za-z0-9\\-.]{1,64})$`).exec(r);
  return m?.[1];
}
