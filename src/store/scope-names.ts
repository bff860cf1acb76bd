// The names a report shows for its scope: the services (teams) and the staff who work in them.
import type { ScopeNames } from '../schemas/replies/outcomes.ts';
import type { Queryable } from './db.ts';

/** Display names of the services in scope and the staff who work in them, by name. */
export async function scopeNames(db: Queryable, serviceIds: readonly string[]): Promise<ScopeNames> {
  const services = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM services WHERE id = ANY($1::uuid[]) ORDER BY name',
    [serviceIds],
  );
  const practitioners = await db.query<{ id: string; display_name: string }>(
    `SELECT DISTINCT u.id, u.display_name FROM users u JOIN user_services s ON s.user_id = u.id
     WHERE s.service_id = ANY($1::uuid[]) ORDER BY u.display_name`,
    [serviceIds],
  );
  return {
    services,
    practitioners: practitioners.map((p) => ({ id: p.id, displayName: p.display_name })),
  };
}
