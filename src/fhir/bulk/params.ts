// The $export kick-off parameters (FHIR Bulk Data Access v2): `_type`, `_since`, `_outputFormat` and `patient`,
// from the query string (GET) or a `Parameters` body (POST). Unsupported values are errors unless the client sent
// `Prefer: handling=lenient`, when they are ignored with a warning the manifest's error[] carries.
import { RESOURCE_TYPES } from '../resources.ts';

export const OUTPUT_FORMATS = ['application/fhir+ndjson', 'application/ndjson', 'ndjson'] as const;

/** Parameters the kick-off understands; others are refused (or, lenient, ignored with a warning). */
const KNOWN = new Set(['_type', '_since', '_outputFormat', 'patient']);

/** The FHIR `instant` syntax: a date and time to the second or finer, with a zone. */
const INSTANT =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;

export interface ExportRequest {
  /** Resource types asked for, or undefined for every type the level exports. */
  types: string[] | undefined;
  since: string | undefined;
  /** Patient ids named (`patient`, POST), or undefined. */
  patientIds: string[] | undefined;
  /** Values ignored under `Prefer: handling=lenient`, for error[]. */
  warnings: string[];
}

/** Raw parameter values by name, each possibly repeated. */
export type RawParams = Map<string, string[]>;

export class KickOffError extends Error {}

/** The parameters of a GET kick-off's query string. */
export function queryParams(query: Record<string, string | string[]>): RawParams {
  return new Map(Object.entries(query).map(([k, v]) => [k, [v].flat()]));
}

interface ParameterEntry {
  name?: unknown;
  valueString?: unknown;
  valueInstant?: unknown;
  valueCode?: unknown;
  valueReference?: { reference?: unknown };
}

/** The parameters of a POST kick-off's `Parameters` body (values as strings; a reference as its text). */
export function bodyParams(body: unknown): RawParams {
  const params = new Map<string, string[]>();
  if (body === undefined || body === null || body === '') return params;
  const b = body as { resourceType?: unknown; parameter?: unknown };
  if (typeof b !== 'object' || b.resourceType !== 'Parameters')
    throw new KickOffError('A POST kick-off takes a FHIR Parameters resource.');
  if (b.parameter !== undefined && !Array.isArray(b.parameter))
    throw new KickOffError('Parameters.parameter must be an array.');
  for (const p of (b.parameter ?? []) as ParameterEntry[]) {
    const value = p.valueReference?.reference ?? p.valueString ?? p.valueInstant ?? p.valueCode;
    if (typeof p.name !== 'string' || typeof value !== 'string')
      throw new KickOffError('Each parameter needs a name and a string, instant, code or reference value.');
    params.set(p.name, [...(params.get(p.name) ?? []), value]);
  }
  return params;
}

/** Checks and reads the kick-off parameters; throws KickOffError for a value that cannot be honoured. */
export function exportRequest(params: RawParams, lenient: boolean): ExportRequest {
  const warnings: string[] = [];
  const refuse = (why: string) => {
    if (!lenient) throw new KickOffError(why);
    warnings.push(`${why} It was ignored.`);
  };
  for (const name of params.keys()) if (!KNOWN.has(name)) refuse(`The parameter ${name} is not supported.`);

  const asked = (params.get('_type') ?? []).flatMap((t) => t.split(',')).map((t) => t.trim());
  const types = [...new Set(asked.filter((t) => t !== ''))].filter((t) => {
    if (RESOURCE_TYPES.has(t)) return true;
    refuse(`This server does not export ${t} resources.`);
    return false;
  });

  const formats = params.get('_outputFormat') ?? [];
  for (const f of formats)
    if (!(OUTPUT_FORMATS as readonly string[]).includes(f))
      refuse(`_outputFormat ${f} is not supported: use application/fhir+ndjson.`);

  const sinces = params.get('_since') ?? [];
  if (sinces.length > 1) throw new KickOffError('_since may be given once.');
  // A `+` zone offset sent unencoded in a query string arrives as a space.
  const since = sinces[0]?.replace(/ (\d{2}:\d{2})$/, '+$1');
  if (since !== undefined && (!INSTANT.test(since) || Number.isNaN(Date.parse(since))))
    throw new KickOffError('_since must be a FHIR instant, such as 2026-01-01T00:00:00Z.');

  const patients = params.get('patient');
  const patientIds = patients?.map((ref) => {
    const id = /^(?:.*\/)?Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(ref)?.[1];
    if (!id) throw new KickOffError(`patient must reference a Patient (Patient/<id>), not "${ref}".`);
    return id;
  });
  return {
    types: asked.length > 0 ? types : undefined,
    since,
    patientIds: patientIds && [...new Set(patientIds)],
    warnings,
  };
}

/** The `Prefer` header's preferences, lower-cased. */
export function preferences(prefer: string | string[] | undefined): Set<string> {
  return new Set(
    [prefer ?? '']
      .flat()
      .join(',')
      .split(/[,;]/)
      .map((p) =>
        p
          .trim()
          .toLowerCase()
          .replace(/\s*=\s*/, '='),
      )
      .filter((p) => p !== ''),
  );
}
