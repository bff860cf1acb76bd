// Password rules per NIST SP 800-63B and OWASP ASVS 6.2: length, no composition rules, no common passwords.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

// A short list of the most common passwords; a service should add a breached-password corpus (hazard log R7).
const COMMON = new Set([
  'password',
  'password1',
  'password123',
  'password1234',
  'passw0rd',
  '123456789012',
  '1234567890',
  'qwertyuiop',
  'qwerty123456',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'administrator',
  'changeme1234',
  'trustno1trustno1',
  'abc123abc123',
  'football1234',
  'monkey123456',
  'dragon123456',
  'baseball1234',
  'sunshine1234',
  'princess1234',
  'superman1234',
  'starwars1234',
  'whatever1234',
  'kasprkaspr12',
  'ketamine1234',
  'passwordpassword',
  '111111111111',
  '000000000000',
  '123123123123',
]);

export type PasswordProblem = 'too-short' | 'too-long' | 'too-common';

/** The problem with a proposed password, or null when it is acceptable. */
export function passwordProblem(password: string): PasswordProblem | null {
  // Length in code points, so a character outside the Basic Multilingual Plane counts once.
  const length = Array.from(password).length;
  if (length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (length > MAX_PASSWORD_LENGTH) return 'too-long';
  if (COMMON.has(password.toLowerCase())) return 'too-common';
  return null;
}

export const PASSWORD_PROBLEM_TEXT: Readonly<Record<PasswordProblem, string>> = {
  'too-short': `Use at least ${MIN_PASSWORD_LENGTH} characters; a phrase of several words is easiest to remember.`,
  'too-long': `Use at most ${MAX_PASSWORD_LENGTH} characters.`,
  'too-common': 'This password is too common; choose another.',
};
