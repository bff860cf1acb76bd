// The names a report shows for its scope: the services (teams) and the staff who work in them.
import { CLINICAL_ROLES } from '../domain/access/roles.ts';
import type { ScopeNames } from '../schemas/replies/outcomes.ts';
import type { Queryable } from './db.ts';

/**
 * Display names of the services in scope and the staff who work in them, by name; `clinicians` are those of the
 * staff who hold a clinical role, the people a report can be filtered to.
 */
export async function scopeNames(db: Queryable, serviceIds: readonly string[]): Promise<ScopeNames> {
  const services = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM services WHERE id = ANY($1::uuid[]) ORDER BY name',
    [serviceIds],
  );
  const practitioners = await db.query<{ id: string; display_name: string; clinical: boolean }>(
    `SELECT DISTINCT u.id, u.display_name, u.roles && $2::text[] AS clinical
       FROM users u JOIN user_services s ON s.user_id = u.id
     WHERE s.service_id = ANY($1::uuid[]) ORDER BY u.display_name`,
    [serviceIds, CLINICAL_ROLES],
  );
  const staff = (p: { id: string; display_name: string }) => ({ id: p.id, displayName: p.display_name });
  return {
    services,
    practitioners: practitioners.map(staff),
    clinicians: practitioners.filter((p) => p.clinical).map(staff),
  };
}
