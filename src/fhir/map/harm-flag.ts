// A chart alert as a FHIR Flag (pure): active until acknowledged, then inactive with the period closed.
import type { AlertRow } from '../../store/fhir-harm.ts';
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
