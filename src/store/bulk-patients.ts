// The patients a Bulk Data export walks, a page at a time in id order (keyset pagination), so that an export of a
// whole country never holds more than one page of patient ids.
import type { Queryable } from './db.ts';

/** How many patients the services hold. */
export async function countPatientsInServices(db: Queryable, serviceIds: readonly string[]): Promise<number> {
  const rows = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM patients WHERE service_id = ANY($1::uuid[])',
    [serviceIds],
  );
  return rows[0]?.n ?? 0;
}

/**
 * The next `limit` patient ids of these services in id order, after `after` (from the first when undefined). An
 * empty page means the walk is over.
 */
export async function patientIdsAfter(
  db: Queryable,
  serviceIds: readonly string[],
  after: string | undefined,
  limit: number,
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    // Ordered by the uuid column (p.id), not the text it is given as: the primary key then reads the chunk in order
    // (sorting by the text would read and sort every patient of the services for each chunk). Both orders agree.
    `SELECT p.id::text AS id FROM patients p
     WHERE p.service_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR p.id > $2::uuid)
     ORDER BY p.id LIMIT $3`,
    [serviceIds, after ?? null, limit],
  );
  return rows.map((r) => r.id);
}
