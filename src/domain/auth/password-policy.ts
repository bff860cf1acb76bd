// Password rules per NIST SP 800-63B §5.1.1.2 and OWASP ASVS 6.2: length, no composition rules, and refusal of
// passwords that are common, breached, predictable or built from the user's own email or name.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

// A short built-in list for where the full list is not loaded (the browser, the CLI). The server passes the
// shipped list of ~49,000 common and breached passwords (src/security/common-passwords.txt) as `common`.
const BUILT_IN_COMMON: ReadonlySet<string> = new Set([
  'password',
  'passw0rd',
  'qwerty',
  'iloveyou',
  'letmein',
  'welcome',
  'admin',
  'administrator',
  'changeme',
  'trustno1',
  'football',
  'monkey',
  'dragon',
  'baseball',
  'sunshine',
  'princess',
  'superman',
  'starwars',
  'whatever',
  'kaspr',
  'ketamine',
]);

export type PasswordProblem =
  'too-short' | 'too-long' | 'too-common' | 'repetitive' | 'sequence' | 'contains-personal';

/** Who the password is for, and the list of common passwords to refuse (lower case). */
export interface PasswordContext {
  email?: string;
  displayName?: string;
  common?: ReadonlySet<string>;
}

// Runs a person might type without thinking: alphabet and digit order, and keyboard rows and columns.
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890123456789',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
];

// Each sequence forwards and backwards (ASCII only, so reversing by code point is safe).
const ORDERS = SEQUENCES.flatMap((seq) => [seq, Array.from(seq).reverse().join('')]);

/** Lower case, letters and digits only: how the checks compare text. */
const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The password without the digits, spaces and symbols added around a word ("Password1234!" → "password"). */
const core = (text: string) => text.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');

/** True when `text` is one short unit repeated ("aaaa…", "abcabc…", "passwordpassword"). */
function isRepetition(text: string): boolean {
  for (let unit = 1; unit <= text.length / 2; unit += 1) {
    if (text.length % unit === 0 && text.slice(0, unit).repeat(text.length / unit) === text) return true;
  }
  return false;
}

/** Length of the run at `from` that follows one of the sequences forwards or backwards, or repeats a character. */
function runLength(text: string, from: number): number {
  let best = 1;
  const repeat = /^(.)\1*/.exec(text.slice(from));
  if (repeat) best = repeat[0].length;
  for (const order of ORDERS) {
    let end = from + 1;
    while (end < text.length && order.includes(text.slice(from, end + 1))) end += 1;
    best = Math.max(best, end - from);
  }
  return best;
}

/** True when `text` is at most two runs of a sequence or a repeated character ("qwerty123456", "aaaa1111"). */
function isSequence(text: string): boolean {
  let runs = 0;
  for (let i = 0; i < text.length;) {
    const n = runLength(text, i);
    if (n < 3) return false;
    runs += 1;
    i += n;
  }
  return runs <= 2;
}

/** Letters and digits a password must keep once the user's own email and name are taken out of it. */
export const MIN_IMPERSONAL_LENGTH = 10;

/**
 * True when the user's email or name is the substance of the password: once the email, its local part and
 * the name (whole and each part of 3 characters or more) are taken out, fewer than MIN_IMPERSONAL_LENGTH
 * letters and digits are left ("Alice North 2026!", "alice.north@clinic.test"). A long phrase that happens to
 * hold a first name is not refused.
 */
function isPersonal(password: string, context: PasswordContext): boolean {
  const email = (context.email ?? '').toLowerCase();
  const local = email.split('@')[0] ?? '';
  const name = context.displayName ?? '';
  const tokens = [email, local, ...local.split(/[._+-]/), name, ...name.split(/\s+/)]
    .map(letters)
    .filter((t) => t.length >= 3)
    .sort((a, b) => b.length - a.length);
  const text = letters(password);
  let rest = text;
  for (const token of tokens) rest = rest.split(token).join('');
  return rest !== text && rest.length < MIN_IMPERSONAL_LENGTH;
}

/** The problem with a proposed password, or null when it is acceptable. */
export function passwordProblem(password: string, context: PasswordContext = {}): PasswordProblem | null {
  // Length in code points, so a character outside the Basic Multilingual Plane counts once.
  const length = Array.from(password).length;
  if (length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (length > MAX_PASSWORD_LENGTH) return 'too-long';
  const lower = password.toLowerCase();
  const common = context.common ?? BUILT_IN_COMMON;
  const stripped = core(password);
  for (const candidate of [lower, lower.replace(/\s+/g, ''), stripped, stripped.replace(/\s+/g, '')]) {
    if (candidate.length > 0 && (common.has(candidate) || BUILT_IN_COMMON.has(candidate)))
      return 'too-common';
  }
  const compact = lower.replace(/\s+/g, '');
  if (isRepetition(compact) || isRepetition(letters(stripped))) return 'repetitive';
  if (isSequence(compact)) return 'sequence';
  if (isPersonal(password, context)) return 'contains-personal';
  return null;
}

export const PASSWORD_PROBLEM_TEXT: Readonly<Record<PasswordProblem, string>> = {
  'too-short': `Use at least ${MIN_PASSWORD_LENGTH} characters; a phrase of several words is easiest to remember.`,
  'too-long': `Use at most ${MAX_PASSWORD_LENGTH} characters.`,
  'too-common':
    'This password is on a list of common or breached passwords (adding digits or symbols to it does not ' +
    'help); choose another, such as a phrase of several unrelated words.',
  repetitive:
    'Do not repeat a character or a word (like "aaaa…" or "abcabc…"); choose a phrase of several unrelated words.',
  sequence:
    'Do not use a simple sequence (like "abcd…", "1234…" or "qwerty…"); choose a phrase of several unrelated words.',
  'contains-personal': 'Do not use your email address or your name in your password.',
};
