// What the FHIR API reads for the record's history and staff roles, scoped to services: the version rows behind
// Provenance, each staff member's roles in each service (PractitionerRole) and the audit log (AuditEvent).
import type { AuditRow } from './audit.ts';
import type { Queryable } from './db.ts';
import type { Scope } from './fhir-sources.ts';

/** A staff member's roles in one service they work in. */
export interface StaffRoleRow {
  user_id: string;
  service_id: string;
  roles: string[];
  disabled: boolean;
  updated_at: Date;
}

// A system client's own account (it acts and is audited through one) is not staff, as in fhir-sources.ts.
const ROLES = `
  SELECT u.id AS user_id, us.service_id, u.roles, u.disabled, u.updated_at
  FROM users u JOIN user_services us ON us.user_id = u.id
  WHERE NOT EXISTS (SELECT 1 FROM system_clients sc WHERE sc.user_id = u.id)`;

/** Each staff member's roles in each of these services, oldest account first. */
export function staffRolesInServices(db: Queryable, serviceIds: readonly string[]): Promise<StaffRoleRow[]> {
  return db.query<StaffRoleRow>(
    `${ROLES} AND us.service_id = ANY($1::uuid[]) ORDER BY u.created_at, u.id, us.service_id`,
    [serviceIds],
  );
}

/** One staff member's roles in one service, or undefined when they do not work there. */
export async function findStaffRole(
  db: Queryable,
  userId: string,
  serviceId: string,
): Promise<StaffRoleRow | undefined> {
  return (
    await db.query<StaffRoleRow>(`${ROLES} AND u.id = $1 AND us.service_id = $2`, [userId, serviceId])
  )[0];
}

/** Which kind of versioned record a version row belongs to (named by the FHIR type it is served as). */
export type VersionedKind = 'Patient' | 'CarePlan' | 'RiskAssessment' | 'ClinicalImpression';

/**
 * One stored version of a versioned record: who wrote it, when and why. `record_id` is the id the record is served
 * under: the patient's id; a care plan's first version's id; an assessment's first (uncorrected) id; and
 * `<patientId>-formulation` for a formulation.
 */
export interface VersionRow {
  kind: VersionedKind;
  record_id: string;
  patient_id: string;
  service_id: string;
  version: number;
  reason: string | null;
  recorded_at: Date;
  recorded_by: string;
}

// Each kind's versions as one row shape; care plans and formulations number their versions, and an assessment's
// corrections (each pointing at the one it corrects) are its later versions in the order recorded. `patients` (a
// condition on a table alias) is applied inside each kind and the correction chain: a recursive CTE is computed
// whole before any outer condition, and a window function keeps one from being pushed into its branch.
const versionsSql = (patients: (x: string) => string = () => 'TRUE') => `
  WITH RECURSIVE chain(id, root_id) AS (
    SELECT h.id, h.id FROM harm_assessments h WHERE h.corrects IS NULL AND ${patients('h')}
    UNION ALL SELECT a.id, chain.root_id FROM harm_assessments a JOIN chain ON a.corrects = chain.id
      WHERE ${patients('a')}
  ), versions AS (
    SELECT 'Patient' AS kind, v.patient_id::text AS record_id, v.patient_id, v.version, v.reason, v.recorded_at,
           v.recorded_by
    FROM patient_versions v WHERE ${patients('v')}
    UNION ALL
    SELECT 'CarePlan', f.id::text, c.patient_id, c.version, c.reason, c.recorded_at, c.recorded_by
    FROM care_plans c JOIN care_plans f ON f.patient_id = c.patient_id AND f.version = 1 WHERE ${patients('c')}
    UNION ALL
    SELECT 'RiskAssessment', chain.root_id::text, a.patient_id,
           row_number() OVER (PARTITION BY chain.root_id ORDER BY a.recorded_at, a.id)::int, a.correction_reason,
           a.recorded_at, a.recorded_by
    FROM harm_assessments a JOIN chain ON chain.id = a.id
    UNION ALL
    SELECT 'ClinicalImpression', f.patient_id::text || '-formulation', f.patient_id, f.version, NULL, f.recorded_at,
           f.recorded_by
    FROM formulations f WHERE ${patients('f')}
  )
  SELECT v.kind, v.record_id, v.patient_id, p.service_id, v.version, v.reason, v.recorded_at, v.recorded_by
  FROM versions v JOIN patients p ON p.id = v.patient_id`;

/** Every version of every versioned record in scope, oldest first. */
export function recordVersionsInScope(db: Queryable, scope: Scope): Promise<VersionRow[]> {
  return db.query<VersionRow>(
    `${versionsSql((x) => `($2::uuid[] IS NULL OR ${x}.patient_id = ANY($2::uuid[]))`)}
     WHERE p.service_id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR p.id = ANY($2::uuid[]))
     ORDER BY v.recorded_at, v.record_id, v.version`,
    [scope.serviceIds, scope.patientIds ?? null],
  );
}

/** One version of the record served under this id, or undefined. */
export async function findRecordVersion(
  db: Queryable,
  recordId: string,
  version: number,
): Promise<VersionRow | undefined> {
  if (!/^[0-9a-f-]{36}(-formulation)?$/.test(recordId)) return undefined;
  return (
    await db.query<VersionRow>(`${versionsSql()} WHERE v.record_id = $1 AND v.version = $2`, [
      recordId,
      version,
    ])
  )[0];
}

/**
 * An audit entry as the FHIR API shows it: the stored row without its chain fields, request id or details. `seq`
 * is its entry number (`entry_id`, in writing order), which it has from the moment it is written.
 */
export type AuditEntry = Omit<AuditRow, 'seq' | 'request_id' | 'details' | 'prev_hash' | 'hash'> & {
  seq: string;
};

/**
 * The most audit entries one search reads (newest first): the log can hold millions of rows, and the search
 * conditions other than the patient are applied to these.
 */
export const AUDIT_SEARCH_LIMIT = 10_000;

const AUDIT_ENTRY = `a.entry_id::text AS seq, a.at, a.actor_id, a.action, a.resource_type, a.resource_id, a.patient_id,
  a.outcome, a.ip, a.flagged`;

/**
 * The newest entries in scope (at most `limit`), newest first. An entry about a patient belongs to the patient's
 * service; one about no patient to the services of the user who acted (an entry with neither is in no scope).
 */
export function auditEntriesInScope(
  db: Queryable,
  scope: Scope,
  limit: number = AUDIT_SEARCH_LIMIT,
): Promise<AuditEntry[]> {
  return db.query<AuditEntry>(
    `SELECT ${AUDIT_ENTRY} FROM audit_log a
     WHERE ($2::uuid[] IS NULL OR a.patient_id = ANY($2::uuid[]))
       AND CASE WHEN a.patient_id IS NOT NULL
         THEN EXISTS (SELECT 1 FROM patients p WHERE p.id = a.patient_id AND p.service_id = ANY($1::uuid[]))
         ELSE EXISTS (SELECT 1 FROM user_services us WHERE us.user_id = a.actor_id AND us.service_id = ANY($1::uuid[]))
       END
     ORDER BY a.entry_id DESC LIMIT $3`,
    [scope.serviceIds, scope.patientIds ?? null, limit],
  );
}

/** One audit entry by its entry number, with the services it belongs to (as `auditEntriesInScope` decides). */
export async function findAuditEntry(
  db: Queryable,
  seq: string,
): Promise<(AuditEntry & { patient_service_id: string | null; actor_service_ids: string[] }) | undefined> {
  if (!/^[1-9][0-9]{0,17}$/.test(seq)) return undefined;
  return (
    await db.query<AuditEntry & { patient_service_id: string | null; actor_service_ids: string[] }>(
      `SELECT ${AUDIT_ENTRY}, p.service_id AS patient_service_id,
         COALESCE(ARRAY(SELECT us.service_id::text FROM user_services us WHERE us.user_id = a.actor_id
                        ORDER BY us.service_id), '{}') AS actor_service_ids
       FROM audit_log a LEFT JOIN patients p ON p.id = a.patient_id WHERE a.entry_id = $1`,
      [seq],
    )
  )[0];
}
