// A `transaction` or `batch` Bundle read as a plan: what each entry is to KASPR (a patient, a vital-signs reading, a
// weight or height, an allergy, a medication, a questionnaire response, a document) or why it is not imported.
// Pure: it checks the Bundle's shape and classifies; the references between entries are resolved as the plan runs.
import { LOINC } from '../map/common.ts';
import { invalid } from '../create/refusal.ts';
import { isVitalSign } from '../create/vitals.ts';
import { isObject, obj, objects, str, type Json } from '../create/read.ts';

export type EntryKind =
  'patient' | 'vitals' | 'measure' | 'allergy' | 'medication' | 'response' | 'document' | 'skip';

export interface PlannedEntry {
  index: number;
  fullUrl: string | undefined;
  resource: Json;
  kind: EntryKind;
  /** Why an entry is not imported (kind `skip`). */
  reason?: string;
}

export interface BundlePlan {
  type: 'transaction' | 'batch';
  entries: PlannedEntry[];
}

/** The most entries one Bundle may hold (larger sets are sent as several Bundles, or with `kaspr import DIR`). */
export const MAX_ENTRIES = 10_000;

const MEASURE_CODES = ['29463-7', '8302-2'];
const HELD_ELSEWHERE: Record<string, string> = {
  Organization: 'services are set up in KASPR; a reference to an Organization is not imported',
  Practitioner: 'staff are set up in KASPR; a reference to a Practitioner is not imported',
  PractitionerRole: 'staff are set up in KASPR',
  Encounter:
    'KASPR records its own sessions and appointments; an Encounter from another system is not imported',
};

const label = (concept: unknown): string => {
  const c = obj(concept);
  const coding = objects(c.coding)[0];
  const code = coding ? `${str(coding.system) === LOINC ? 'LOINC ' : ''}${str(coding.code) ?? ''}` : '';
  const text = str(c.text) ?? str(coding?.display);
  return [text, code && `(${code})`].filter(Boolean).join(' ') || 'uncoded';
};

/** What KASPR makes of one resource, or why it is not imported. */
function classify(resource: Json): Pick<PlannedEntry, 'kind' | 'reason'> {
  const type = str(resource.resourceType) ?? '';
  switch (type) {
    case 'Patient':
      return { kind: 'patient' };
    case 'Observation': {
      if (isVitalSign(resource)) return { kind: 'vitals' };
      const codes = objects(obj(resource.code).coding).filter((c) => c.system === LOINC);
      if (codes.some((c) => MEASURE_CODES.includes(str(c.code) ?? ''))) return { kind: 'measure' };
      return {
        kind: 'skip',
        reason: `KASPR keeps weight, height and vital signs (blood pressure, heart rate, SpO2, respiratory rate), not ${label(resource.code)}`,
      };
    }
    case 'AllergyIntolerance':
      return { kind: 'allergy' };
    case 'MedicationStatement':
    case 'MedicationRequest':
      return { kind: 'medication' };
    case 'QuestionnaireResponse':
      return { kind: 'response' };
    case 'DocumentReference':
      return { kind: 'document' };
    default:
      return { kind: 'skip', reason: HELD_ELSEWHERE[type] ?? `KASPR does not keep ${type} records` };
  }
}

/** Reads a Bundle as a plan; 400 when it is not a transaction or batch Bundle KASPR can read. */
export function planBundle(body: unknown): BundlePlan {
  if (!isObject(body) || body.resourceType !== 'Bundle')
    throw invalid('The body must be a Bundle resource', 'Bundle');
  const type = body.type;
  if (type !== 'transaction' && type !== 'batch')
    throw invalid('Only transaction and batch Bundles can be posted', 'Bundle.type');
  const raw = Array.isArray(body.entry) ? body.entry : [];
  if (raw.length > MAX_ENTRIES)
    throw invalid(`A Bundle may hold at most ${MAX_ENTRIES} entries; send it in parts`, 'Bundle.entry');
  const seen = new Set<string>();
  const entries = raw.map((e: unknown, index): PlannedEntry => {
    const at = `Bundle.entry[${index}]`;
    const entry = obj(e);
    const resource = entry.resource;
    if (!isObject(resource) || typeof resource.resourceType !== 'string')
      throw invalid('Each entry must hold a resource with a resourceType', `${at}.resource`);
    const fullUrl = str(entry.fullUrl);
    if (fullUrl !== undefined) {
      if (seen.has(fullUrl)) throw invalid(`The fullUrl ${fullUrl} is used by two entries`, `${at}.fullUrl`);
      seen.add(fullUrl);
    }
    const method = str(obj(entry.request).method);
    if (type === 'transaction' && method === undefined)
      throw invalid('Each entry of a transaction needs request.method', `${at}.request`);
    if (method !== undefined && method !== 'POST')
      return {
        index,
        fullUrl,
        resource,
        kind: 'skip',
        reason: `KASPR imports new records (POST); ${method} is not imported, as KASPR corrects records by new versions`,
      };
    return { index, fullUrl, resource, ...classify(resource) };
  });
  return { type, entries };
}
