// An audit log entry as a FHIR R4 AuditEvent: who did what to which record, when, from where and with what outcome,
// break-glass use marked BTG. Only what the entry holds (ids, codes, the address), never record content.
import type { AuditEntry } from '../../store/fhir-records.ts';
import type { AuditEvent, AuditEventEntity } from './records-types.ts';
import { instant, KASPR_BASE, meta, prune, ref, THO } from './common.ts';

export const AUDIT_EVENT_TYPE_SYSTEM = `${THO}/audit-event-type`;
export const AUDIT_ACTION_SYSTEM = `${KASPR_BASE}/CodeSystem/audit-action`;
export const ACT_REASON_SYSTEM = `${THO}/v3-ActReason`;
/** Ids of KASPR records that are not served as FHIR resources of the same id. */
export const RECORD_ID_SYSTEM = `${KASPR_BASE}/Id/record`;

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

// The verb closing a KASPR action (`patient.create`, `fhir.read`), read as the R4 audit-event-action it is.
const CREATES =
  /\.(create|raise|import|load|grant|request|first-admin|note|submission|record|generate|vitals|observation)$/;
const READS =
  /\.(read|search|list|day-list|pdf|discharge-pdf|tracker|export|export-csv|export-pdf)$|^report\./;
const UPDATES =
  /\.(update|acknowledge|withdraw|retract|change|review|complete|disable|keys-replace|password-change|totp-setup|accept-invite|discharge)$/;
const DELETES = /\.delete$/;

/** The R4 action (Create, Read, Update, Delete, or Execute for anything else, such as a sign-in or a replay). */
export function auditAction(action: string): NonNullable<AuditEvent['action']> {
  if (CREATES.test(action)) return 'C';
  if (READS.test(action)) return 'R';
  if (UPDATES.test(action)) return 'U';
  if (DELETES.test(action)) return 'D';
  return 'E';
}

/** The R4 outcome: success 0; a refusal (denied, not found) a minor failure 4; a failed action a serious one 8. */
export function auditOutcome(outcome: string): NonNullable<AuditEvent['outcome']> {
  if (outcome === 'success') return '0';
  if (outcome === 'denied' || outcome === 'not-found') return '4';
  return '8';
}

/** The record acted on: a reference for FHIR interactions (their ids are FHIR ids), else KASPR's record id. */
function recordEntity(e: AuditEntry): AuditEventEntity | undefined {
  if (e.resource_type === 'Patient' && e.resource_id === e.patient_id) return undefined;
  if (e.resource_id === null) return { name: e.resource_type };
  const fhir =
    e.action.startsWith('fhir.') &&
    /^[A-Z][A-Za-z]{1,63}$/.test(e.resource_type) &&
    FHIR_ID.test(e.resource_id);
  return fhir
    ? { what: ref(e.resource_type, e.resource_id), name: e.resource_type }
    : { what: { identifier: { system: RECORD_ID_SYSTEM, value: e.resource_id } }, name: e.resource_type };
}

export function toFhirAuditEvent(e: AuditEntry): AuditEvent {
  const record = recordEntity(e);
  return prune<AuditEvent>({
    resourceType: 'AuditEvent',
    id: e.seq,
    meta: meta(1, e.at),
    type: { system: AUDIT_EVENT_TYPE_SYSTEM, code: 'rest', display: 'RESTful Operation' },
    subtype: [{ system: AUDIT_ACTION_SYSTEM, code: e.action }],
    action: auditAction(e.action),
    recorded: instant(e.at),
    outcome: auditOutcome(e.outcome),
    outcomeDesc: e.outcome === 'success' ? undefined : e.outcome,
    // Every use of break-glass access is flagged for review.
    purposeOfEvent: e.flagged
      ? [{ coding: [{ system: ACT_REASON_SYSTEM, code: 'BTG', display: 'break the glass' }] }]
      : [],
    agent: [
      prune({
        who: e.actor_id ? ref('Practitioner', e.actor_id) : undefined,
        requestor: true,
        network: e.ip ? { address: e.ip, type: '2' as const } : undefined,
      }),
    ],
    source: { site: 'KASPR', observer: { display: 'KASPR' } },
    entity: [...(e.patient_id ? [{ what: ref('Patient', e.patient_id) }] : []), ...(record ? [record] : [])],
  });
}
