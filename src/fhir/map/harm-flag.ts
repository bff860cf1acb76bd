// Chart alerts and the no-driving advice given at discharge, as FHIR Flags (pure).
import type { AlertRow, NoDrivingRow } from '../../store/fhir-harm.ts';
import type { Flag } from './harm-types.ts';
import { ALERT_SYSTEM } from './harm-codes.ts';
import { instant, meta, prune, ref, THO } from './common.ts';

export const SAFETY_CATEGORY = {
  coding: [{ system: `${THO}/flag-category`, code: 'safety', display: 'Safety' }],
};

/** An alert; the acknowledgement is its second state, so it counts as version 2. */
export function alertFlag(row: AlertRow): Flag {
  const closed = row.acknowledged_at;
  return prune({
    resourceType: 'Flag' as const,
    id: row.id,
    meta: meta(closed ? 2 : 1, closed ?? row.created_at),
    status: closed ? ('inactive' as const) : ('active' as const),
    category: [SAFETY_CATEGORY],
    code: { coding: [{ system: ALERT_SYSTEM, code: row.code }], text: row.text },
    subject: ref('Patient', row.patient_id),
    period: prune({ start: instant(row.created_at), end: closed ? instant(closed) : undefined }),
  });
}

export const CLINICAL_CATEGORY = {
  coding: [{ system: `${THO}/flag-category`, code: 'clinical', display: 'Clinical' }],
};

/** The id of a dosing session's no-driving flag, derived from the session's id. */
export const noDrivingId = (sessionId: string): string => `${sessionId}-no-driving`;

/**
 * The no-driving advice given at discharge: a clinical Flag on the session's encounter for the period from
 * discharge until driving may resume; inactive once that time has passed.
 */
export function noDrivingFlag(row: NoDrivingRow): Flag {
  return {
    resourceType: 'Flag',
    id: noDrivingId(row.session_id),
    meta: meta(1, row.discharged_at),
    status: row.in_force ? 'active' : 'inactive',
    category: [CLINICAL_CATEGORY],
    code: { coding: [{ system: ALERT_SYSTEM, code: 'no-driving' }], text: 'Do not drive' },
    subject: ref('Patient', row.patient_id),
    period: { start: instant(row.discharged_at), end: instant(row.no_driving_until) },
    encounter: ref('Encounter', row.session_id),
    author: { ...ref('Practitioner', row.discharged_by), display: row.discharged_by_name },
  };
}
