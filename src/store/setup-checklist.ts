// What the first-run checklist reads from the database: the service's staff and their ACLS credentials, the
// controlled-drug register's first products, locations and receipts, and whether the time zone and the register
// mode were chosen. Each step's done or not-done is computed from these, never ticked by hand.
import type { Queryable } from './db.ts';

export interface SetupFacts {
  /** Active staff of the service holding each role. */
  prescribers: number;
  nurses: number;
  cdOfficers: number;
  /** Active prescribers and nurses of the service holding an ACLS credential valid on `today`. */
  aclsClinicians: number;
  cdProducts: number;
  cdLocations: number;
  cdReceipts: number;
  /** The service's time zone was set by an administrator (on creating the service or saving it since). */
  timeZoneChosen: boolean;
  /** The register mode was saved at least once (until then the register keeps the UK record by default). */
  registerModeChosen: boolean;
}

/** The facts for `serviceId` on the calendar date `today` (YYYY-MM-DD, for credential expiry). */
export async function setupFacts(db: Queryable, serviceId: string, today: string): Promise<SetupFacts> {
  const [staff] = await db.query<{
    prescribers: number;
    nurses: number;
    cd_officers: number;
    acls: number;
  }>(
    `SELECT
       count(*) FILTER (WHERE 'prescriber' = ANY(u.roles))::int AS prescribers,
       count(*) FILTER (WHERE 'nurse' = ANY(u.roles))::int AS nurses,
       count(*) FILTER (WHERE 'cd-officer' = ANY(u.roles))::int AS cd_officers,
       count(*) FILTER (WHERE u.roles && ARRAY['prescriber', 'nurse']::text[] AND EXISTS (
         SELECT 1 FROM staff_credentials c
         WHERE c.user_id = u.id AND upper(c.kind) LIKE 'ACLS%'
           AND (c.expires_on IS NULL OR c.expires_on >= $2::date)))::int AS acls
     FROM users u JOIN user_services us ON us.user_id = u.id
     WHERE us.service_id = $1 AND NOT u.disabled`,
    [serviceId, today],
  );
  const [cd] = await db.query<{ products: number; locations: number; receipts: number }>(
    `SELECT (SELECT count(*) FROM cd_products)::int AS products,
            (SELECT count(*) FROM cd_locations)::int AS locations,
            (SELECT count(*) FROM cd_entries WHERE kind = 'receipt')::int AS receipts`,
  );
  const zone = await db.query(
    `SELECT 1 FROM audit_log
     WHERE resource_type = 'Service' AND resource_id = $1 AND outcome = 'success'
       AND (action = 'service.create'
            OR (action = 'service.update' AND details -> 'fields' @> '["timeZone"]'::jsonb))
     LIMIT 1`,
    [serviceId],
  );
  const mode = await db.query(`SELECT 1 FROM settings WHERE key = 'ledger' AND value -> 'mode' IS NOT NULL`);
  return {
    prescribers: staff?.prescribers ?? 0,
    nurses: staff?.nurses ?? 0,
    cdOfficers: staff?.cd_officers ?? 0,
    aclsClinicians: staff?.acls ?? 0,
    cdProducts: cd?.products ?? 0,
    cdLocations: cd?.locations ?? 0,
    cdReceipts: cd?.receipts ?? 0,
    timeZoneChosen: zone.length > 0,
    registerModeChosen: mode.length > 0,
  };
}
