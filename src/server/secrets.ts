// Secrets the server needs, generated into the data folder on first run and never logged; the audit anchor key
// may instead come from a setting, so that app servers sharing one PostgreSQL sign anchors with the same key.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Secrets {
  /** Signs exported audit-chain heads so an anchor cannot be forged by someone with only database access. */
  auditAnchorKey: string;
}

export const SECRETS_FILE = 'secrets.json';

export function secretsPath(dataDir: string): string {
  return join(resolve(dataDir), SECRETS_FILE);
}

/** The data folder's secrets, generated when missing; `created` tells whether this call generated them. */
export function loadSecrets(dataDir: string): { secrets: Secrets; created: boolean } {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = secretsPath(dir);
  if (existsSync(path)) return { secrets: JSON.parse(readFileSync(path, 'utf8')) as Secrets, created: false };
  const secrets: Secrets = { auditAnchorKey: randomBytes(32).toString('base64url') };
  writeFileSync(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return { secrets, created: true };
}

/**
 * The data folder's secrets. With `configuredAnchorKey` (KASPR_AUDIT_ANCHOR_KEY) that key is the anchor key,
 * so every app server given the same setting signs the same anchors.
 */
export function ensureSecrets(dataDir: string, configuredAnchorKey?: string): Secrets {
  const { secrets } = loadSecrets(dataDir);
  return configuredAnchorKey ? { ...secrets, auditAnchorKey: configuredAnchorKey } : secrets;
}

export interface AnchorKey {
  key: string;
  /** Where it came from: the KASPR_AUDIT_ANCHOR_KEY setting, or the data folder's secrets.json. */
  source: 'setting' | 'data-folder';
  /** True when secrets.json was generated just now (a new key). */
  generated: boolean;
}

/** The audit anchor key in force: the setting when given, else the data folder's generated key. */
export function auditAnchorKey(config: {
  KASPR_DATA_DIR: string;
  KASPR_AUDIT_ANCHOR_KEY?: string | undefined;
}): AnchorKey {
  if (config.KASPR_AUDIT_ANCHOR_KEY) {
    return { key: config.KASPR_AUDIT_ANCHOR_KEY, source: 'setting', generated: false };
  }
  const { secrets, created } = loadSecrets(config.KASPR_DATA_DIR);
  return { key: secrets.auditAnchorKey, source: 'data-folder', generated: created };
}
