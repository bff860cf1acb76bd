// First run: the first service and its administrator, created once however many first visits arrive together.
import type { Queryable } from './db.ts';
import { insertService } from './services.ts';
import { countUsers, insertUser } from './users.ts';

/** The advisory lock that serialises first-run creation (the setup page and the environment bootstrap). */
const FIRST_RUN_LOCK_KEY = 727_003;

export interface FirstAdministrator {
  serviceName: string;
  email: string;
  displayName: string;
  passwordHash: string;
  roles: string[];
}

/**
 * Inside `tx`: when no user exists yet, creates the service and its administrator and returns their ids;
 * when someone got there first, returns null. Concurrent first visits wait on one lock, so exactly one wins.
 */
export async function createFirstAdministrator(
  tx: Queryable,
  admin: FirstAdministrator,
): Promise<{ userId: string; serviceId: string } | null> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [FIRST_RUN_LOCK_KEY]);
  if ((await countUsers(tx)) > 0) return null;
  const service = await insertService(tx, admin.serviceName);
  const userId = await insertUser(tx, {
    email: admin.email,
    displayName: admin.displayName,
    passwordHash: admin.passwordHash,
    roles: admin.roles,
    serviceIds: [service.id],
  });
  return { userId, serviceId: service.id };
}
