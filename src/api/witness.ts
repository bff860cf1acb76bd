// A second user re-authenticating at the moment of witnessing (password), who must not be the author.
import type { Queryable } from '../store/db.ts';
import { findUserByEmail } from '../store/users.ts';
import { verifyPassword } from '../security/passwords.ts';
import { ruleRefusal } from './problem.ts';

/** The witness's user id, or a named refusal: `witness-must-differ`, `witness-authentication-failed`. */
export async function reauthenticateWitness(
  db: Queryable,
  authorId: string,
  witness: { email: string; password: string },
): Promise<string> {
  const user = await findUserByEmail(db, witness.email.trim().toLowerCase());
  const ok = await verifyPassword(user?.password_hash ?? null, witness.password);
  if (!user || !ok || user.disabled) {
    // Never say whether the email or the password was wrong.
    throw ruleRefusal(
      'out-of-bounds',
      'witness-authentication-failed',
      'The witness could not be authenticated.',
      undefined,
      [{ path: 'body.witness', message: 'Email or password is not right' }],
    );
  }
  if (user.id === authorId) {
    throw ruleRefusal(
      'out-of-bounds',
      'witness-must-differ',
      'The witness must be a different person from the one recording.',
      undefined,
      [{ path: 'body.witness.email', message: 'Choose another member of staff' }],
    );
  }
  return user.id;
}
