// Secrets the server needs, generated into the data folder on first run and never logged.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Secrets {
  /** Signs exported audit-chain heads so an anchor cannot be forged by someone with only database access. */
  auditAnchorKey: string;
}

export function ensureSecrets(dataDir: string): Secrets {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'secrets.json');
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as Secrets;
  const secrets: Secrets = { auditAnchorKey: randomBytes(32).toString('base64url') };
  writeFileSync(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
