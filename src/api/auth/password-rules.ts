// Applies the password policy with what only the server knows: the full common-password list and who the
// password is for. Used wherever a password is chosen: setup, user creation, invitation, password change.
import { PASSWORD_PROBLEM_TEXT, passwordProblem } from '../../domain/auth/password-policy.ts';
import { commonPasswords } from '../../security/common-passwords.ts';
import { problem } from '../problem.ts';

/** Refuses (422 `validation-failed`, naming `path`) a password the policy does not accept for this person. */
export function refuseWeakPassword(
  password: string,
  who: { email: string; displayName: string },
  path: string,
): void {
  const found = passwordProblem(password, { ...who, common: commonPasswords() });
  if (found) throw problem('validation-failed', undefined, [{ path, message: PASSWORD_PROBLEM_TEXT[found] }]);
}
