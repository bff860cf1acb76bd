// The shipped list of common and breached passwords (see common-passwords.NOTICE.md), loaded once on first use.
import { readFileSync } from 'node:fs';

const LIST_FILE = new URL('./common-passwords.txt', import.meta.url);
let list: ReadonlySet<string> | undefined;

/** The common passwords, lower case. */
export function commonPasswords(): ReadonlySet<string> {
  list ??= new Set(
    readFileSync(LIST_FILE, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0),
  );
  return list;
}
