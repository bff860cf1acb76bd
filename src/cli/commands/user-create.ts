// `kaspr user create`: adds a staff account from the command line (e.g. the first admin on a server).
import { parseArgs } from 'node:util';
import { createUserSchema } from '../../schemas/auth.ts';
import { PASSWORD_PROBLEM_TEXT, passwordProblem } from '../../domain/auth/password-policy.ts';
import { commonPasswords } from '../../security/common-passwords.ts';
import { hashPassword } from '../../security/passwords.ts';
import { appendAudit } from '../../store/audit.ts';
import { findServiceByName, insertService } from '../../store/services.ts';
import { findUserByEmail, insertUser } from '../../store/users.ts';
import { fail, openForCli, print } from '../open.ts';

export const USER_CREATE_HELP = `kaspr user create --email E --name N --role R [--role R2] [--service NAME] [--password P]
  Creates a staff account. Roles: admin, prescriber, nurse, practitioner, supervisor, cd-officer, auditor.
  --service names the service (created when missing). The password may also come from KASPR_USER_PASSWORD.`;

export async function userCreate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      service: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const password = values.password ?? process.env.KASPR_USER_PASSWORD;
  const parsed = createUserSchema.safeParse({
    email: values.email,
    displayName: values.name,
    roles: values.role ?? [],
    serviceIds: [],
    password,
  });
  if (!parsed.success || !password) {
    const problems = parsed.success
      ? ['password: required']
      : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    fail(`Cannot create the user:\n  ${problems.join('\n  ')}\n\n${USER_CREATE_HELP}`);
  }
  // The same policy as every other place a password is chosen: the common list, the user's own email and name.
  const weak = passwordProblem(password, {
    email: parsed.data.email,
    displayName: parsed.data.displayName,
    common: commonPasswords(),
  });
  if (weak)
    fail(`Cannot create the user:\n  password: ${PASSWORD_PROBLEM_TEXT[weak]}\n\n${USER_CREATE_HELP}`);
  const { db, close } = await openForCli();
  try {
    if (await findUserByEmail(db, parsed.data.email)) fail(`A user with email ${parsed.data.email} exists.`);
    const passwordHash = await hashPassword(password);
    const id = await db.transaction(async (tx) => {
      const serviceName = values.service ?? 'Main service';
      const service = (await findServiceByName(tx, serviceName)) ?? (await insertService(tx, serviceName));
      const userId = await insertUser(tx, {
        email: parsed.data.email,
        displayName: parsed.data.displayName,
        passwordHash,
        roles: parsed.data.roles,
        serviceIds: [service.id],
      });
      await appendAudit(tx, {
        actorId: null,
        action: 'user.create',
        resourceType: 'User',
        resourceId: userId,
        outcome: 'success',
        details: { via: 'cli' },
      });
      return userId;
    });
    print(`Created user ${id} (${parsed.data.roles.join(', ')}).`);
    return 0;
  } finally {
    await close();
  }
}
