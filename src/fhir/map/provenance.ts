// One stored version of a versioned KASPR record as a FHIR R4 Provenance: which version it made, when, by whom,
// whether it created or changed the record, and KASPR's reason for the change.
import type { VersionRow } from '../../store/fhir-records.ts';
import type { Provenance } from './records-types.ts';
import { instant, meta, prune, ref, text, THO } from './common.ts';

export const DATA_OPERATION_SYSTEM = `${THO}/v3-DataOperation`;
export const PARTICIPANT_TYPE_SYSTEM = `${THO}/provenance-participant-type`;

/** The Provenance id of a version: the record id and version number (`<recordId>-v<n>`). */
export function provenanceId(recordId: string, version: number): string {
  return `${recordId}-v${version}`;
}

/** The Provenance of one version of a record (its target is `Type/id/_history/n`, the type the record is served as). */
export function toFhirProvenance(v: VersionRow): Provenance {
  const created = v.version === 1;
  const reason = text(v.reason);
  return prune<Provenance>({
    resourceType: 'Provenance',
    id: provenanceId(v.record_id, v.version),
    meta: meta(1, v.recorded_at),
    target: [ref(v.kind, `${v.record_id}/_history/${v.version}`)],
    recorded: instant(v.recorded_at),
    activity: {
      coding: [
        created
          ? { system: DATA_OPERATION_SYSTEM, code: 'CREATE', display: 'create' }
          : { system: DATA_OPERATION_SYSTEM, code: 'UPDATE', display: 'revise' },
      ],
    },
    reason: reason ? [{ text: reason }] : [],
    agent: [
      {
        type: { coding: [{ system: PARTICIPANT_TYPE_SYSTEM, code: 'author', display: 'Author' }] },
        who: ref('Practitioner', v.recorded_by),
      },
    ],
  });
}

/** The record a Provenance target names (`Type/id/_history/n`), unversioned: `Type/id`. */
export function unversioned(reference: string): string {
  return reference.replace(/\/_history\/[^/]+$/, '');
}
