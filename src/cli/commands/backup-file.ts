// The backup file: a header line, one JSON line (the manifest, the payload's size and checksum, and on the
// embedded engine the data folder's secrets), then the payload (pg_dump custom archive, or the data folder).
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { closeSync, createReadStream, createWriteStream, openSync, readSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Secrets } from '../../server/secrets.ts';

export const BACKUP_MAGIC = 'KASPR-BACKUP 1\n';

export type PayloadKind = 'pg_dump-custom' | 'pglite-datadir-gzip';

/** What the backup held when it was taken, checked after every restore. */
export interface BackupManifest {
  kasprVersion: string;
  createdAt: string;
  engine: 'pglite' | 'postgres';
  /** Applied migrations, in order, with the checksum of each file. */
  migrations: { id: string; checksum: string }[];
  /** Row count of every table. */
  tables: Record<string, number>;
  /** Head of the audit log's hash chain. */
  auditChain: { rows: number; head: string };
  /** Head of the controlled-drug register's hash chain. */
  cdRegisterChain: { rows: number; head: string };
}

export interface BackupHeader {
  manifest: BackupManifest;
  payload: { kind: PayloadKind; bytes: number; sha256: string };
  /** Embedded engine: the data folder's secrets (the audit anchor key), so anchors verify after a restore. */
  secrets?: Secrets;
}

export interface BackupSource {
  path: string;
  /** Null for a file written by an older KASPR (a bare pg_dump archive or data-folder archive): no manifest. */
  header: BackupHeader | null;
  kind: PayloadKind;
  offset: number;
  bytes: number;
}

async function sha256Of(path: string, start: number): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { start })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Writes the backup file from a payload already on disk (mode 0600: it holds health data and the key). */
export async function writeBackupFile(
  target: string,
  header: Omit<BackupHeader, 'payload'>,
  kind: PayloadKind,
  payloadPath: string,
): Promise<BackupHeader> {
  const { sha256, bytes } = await sha256Of(payloadPath, 0);
  const full: BackupHeader = { ...header, payload: { kind, bytes, sha256 } };
  const out = createWriteStream(target, { mode: 0o600 });
  out.write(BACKUP_MAGIC + JSON.stringify(full) + '\n');
  await pipeline(createReadStream(payloadPath), out);
  return full;
}

/** Reads and checks a backup file's header and payload checksum; throws naming what is wrong. */
export async function openBackupFile(path: string): Promise<BackupSource> {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(Math.min(size, 4 * 1024 * 1024));
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.subarray(0, BACKUP_MAGIC.length).toString('latin1') !== BACKUP_MAGIC) {
    if (head.subarray(0, 5).toString('latin1') === 'PGDMP') {
      return { path, header: null, kind: 'pg_dump-custom', offset: 0, bytes: size };
    }
    if (head[0] === 0x1f && head[1] === 0x8b) {
      return { path, header: null, kind: 'pglite-datadir-gzip', offset: 0, bytes: size };
    }
    throw new Error(`${path} is not a KASPR backup.`);
  }
  const end = head.indexOf(0x0a, BACKUP_MAGIC.length);
  if (end < 0) throw new Error(`${path}: the backup's header is cut off.`);
  const header = JSON.parse(head.subarray(BACKUP_MAGIC.length, end).toString('utf8')) as BackupHeader;
  const offset = end + 1;
  const { sha256, bytes } = await sha256Of(path, offset);
  if (bytes !== header.payload.bytes || sha256 !== header.payload.sha256) {
    throw new Error(
      `${path} is damaged: its contents (${bytes} bytes) do not match the checksum written when it was made ` +
        `(${header.payload.bytes} bytes). Nothing was restored.`,
    );
  }
  return { path, header, kind: header.payload.kind, offset, bytes };
}

/** The payload as a stream. */
export function payloadStream(source: BackupSource): Readable {
  return createReadStream(source.path, { start: source.offset });
}

/** The payload as a Blob (the embedded engine loads a data folder from one). */
export async function payloadBlob(source: BackupSource): Promise<Blob> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const stream = payloadStream(source);
  stream.on('data', (c: Buffer) => chunks.push(new Uint8Array(c)));
  await once(stream, 'end');
  return new Blob(chunks);
}
