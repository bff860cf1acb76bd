// Creates the first administrator from KASPR_ADMIN_EMAIL / KASPR_ADMIN_PASSWORD when no user exists yet.
import type { AppContext } from '../api/context.ts';
import { passwordProblem, PASSWORD_PROBLEM_TEXT } from '../domain/auth/password-policy.ts';
import { commonPasswords } from '../security/common-passwords.ts';
import { hashPassword } from '../security/passwords.ts';
import { appendAudit } from '../store/audit.ts';
import { insertService } from '../store/services.ts';
import { countUsers, insertUser } from '../store/users.ts';

export const DEFAULT_SERVICE_NAME = 'Main service';

/** Returns the new admin's id, or null when there was nothing to do. */
export async function bootstrapAdmin(ctx: AppContext): Promise<string | null> {
  const email = ctx.config.KASPR_ADMIN_EMAIL;
  const password = ctx.config.KASPR_ADMIN_PASSWORD;
  if (!email || !password) return null;
  if ((await countUsers(ctx.db)) > 0) return null;
  const problem = passwordProblem(password, {
    email,
    displayName: 'Administrator',
    common: commonPasswords(),
  });
  if (problem) throw new Error(`KASPR_ADMIN_PASSWORD: ${PASSWORD_PROBLEM_TEXT[problem]}`);
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(727003)');
    if ((await countUsers(tx)) > 0) return null;
    const service = await insertService(tx, DEFAULT_SERVICE_NAME);
    const id = await insertUser(tx, {
      email: email.toLowerCase(),
      displayName: 'Administrator',
      passwordHash,
      roles: ['admin'],
      serviceIds: [service.id],
    });
    await appendAudit(
      tx,
      {
        actorId: id,
        action: 'setup.first-admin',
        resourceType: 'User',
        resourceId: id,
        outcome: 'success',
        details: { from: 'environment' },
      },
      ctx.now(),
    );
    return id;
  });
}
