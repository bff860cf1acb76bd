// A server for the load test, in its own process: `kaspr` (the real app), `bare` (node:http and hand-written SQL
// doing the same database work; audit sealing is left to the real app's sealer), or `raw` (one read-only query, no auth, no audit: the ceiling). Prints its port.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/api/app.ts';
import { loadConfig } from '../src/config/env.ts';
import { hasPermission } from '../src/domain/access/roles.ts';
import { sha256 } from '../src/security/tokens.ts';
import { openPostgres } from '../src/store/db.ts';
import { benchUrl } from './bench-db.ts';

// The same pool size as src/store/db.ts openPostgres.
const POOL_SIZE = 10;
const IDLE_MS = 15 * 60_000;
const ABSOLUTE_MS = 12 * 3_600_000;
const PATIENT_PATH = /^\/api\/v1\/patients\/([0-9a-f-]{36})$/;

async function kaspr(): Promise<string> {
  const config = loadConfig({
    DATABASE_URL: benchUrl(),
    KASPR_DATA_DIR: mkdtempSync(join(tmpdir(), 'kaspr-bench-')),
    LOG_LEVEL: 'silent',
  });
  const db = openPostgres(benchUrl());
  const app = await buildApp({ db, config, now: () => new Date() });
  // A clean stop, as src/server/main.ts stops: the app closes (its audit sealer seals what is left), then the pool.
  process.once('SIGTERM', () => {
    void app
      .close()
      .then(() => db.close())
      .finally(() => process.exit(0));
  });
  return app.listen({ port: 0, host: '127.0.0.1' });
}

function pool(): pg.Pool {
  const p = new pg.Pool({ connectionString: benchUrl(), max: POOL_SIZE });
  p.on('error', () => undefined);
  return p;
}

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};

/** The audit entry, written as src/store/audit.ts writes it: one insert, no lock; the app's sealer chains it. */
async function appendAudit(db: pg.Pool, userId: string, patientId: string, ip: string): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (at, actor_id, action, resource_type, resource_id, patient_id, outcome, ip, request_id,
       flagged, details)
     VALUES ($1, $2, 'patient.read', 'Patient', $3, $4, 'success', $5, $6, false, '{}')`,
    [new Date(), userId, patientId, patientId, ip, randomUUID()],
  );
}

/** GET /api/v1/patients/:id without the framework: session, service check, read, audit append. */
async function bareHandler(db: pg.Pool, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const id = PATIENT_PATH.exec(req.url ?? '')?.[1];
  if (req.method !== 'GET' || !id) {
    send(res, 404, { code: 'not-found' });
    return;
  }
  const token = /(?:^|;\s*)kaspr_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (!token) {
    send(res, 401, { code: 'unauthenticated' });
    return;
  }
  const now = new Date();
  // The session (within its idle and absolute limits), touched, with its user's services, in one statement.
  const session = await db.query<{ user_id: string; roles: string[]; service_ids: string[] }>(
    `UPDATE sessions s SET last_seen_at = $2 FROM users u
      WHERE s.id_hash = $1 AND s.ended_at IS NULL AND u.id = s.user_id AND NOT u.disabled
        AND s.last_seen_at > $2::timestamptz - $3 * interval '1 millisecond'
        AND s.created_at > $2::timestamptz - $4 * interval '1 millisecond'
     RETURNING s.user_id, u.roles, ARRAY(SELECT service_id::text FROM user_services WHERE user_id = s.user_id) AS service_ids`,
    [sha256(token), now, IDLE_MS, ABSOLUTE_MS],
  );
  const user = session.rows[0];
  if (!user) {
    send(res, 401, { code: 'session-expired' });
    return;
  }
  if (!hasPermission(user.roles, 'patient:read')) {
    send(res, 403, { code: 'forbidden' });
    return;
  }
  const rows = await db.query<{
    id: string;
    service_id: string;
    version: number;
    data: Record<string, unknown>;
    created_at: Date;
    recorded_at: Date;
    recorded_by: string;
  }>(
    `SELECT p.id, p.service_id, v.version, v.data, p.created_at, v.recorded_at, v.recorded_by
       FROM patients p JOIN patient_versions v ON v.patient_id = p.id AND v.version = p.current_version
      WHERE p.id = $1 AND p.service_id = ANY($2::uuid[])`,
    [id, user.service_ids],
  );
  const row = rows.rows[0];
  if (!row) {
    send(res, 404, { code: 'not-found' });
    return;
  }
  await appendAudit(db, user.user_id, id, req.socket.remoteAddress ?? '');
  send(
    res,
    200,
    {
      ...row.data,
      id: row.id,
      serviceId: row.service_id,
      version: row.version,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.recorded_at.toISOString(),
      updatedBy: row.recorded_by,
      accessViaBreakGlass: false,
    },
    { etag: `W/"${row.version}"`, 'cache-control': 'no-store' },
  );
}

/** The ceiling: the patient read alone. */
async function rawHandler(db: pg.Pool, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const id = PATIENT_PATH.exec(req.url ?? '')?.[1];
  if (!id) {
    send(res, 404, { code: 'not-found' });
    return;
  }
  const rows = await db.query(
    `SELECT p.id, p.service_id, v.version, v.data FROM patients p
       JOIN patient_versions v ON v.patient_id = p.id AND v.version = p.current_version WHERE p.id = $1`,
    [id],
  );
  send(res, rows.rows[0] ? 200 : 404, rows.rows[0] ?? { code: 'not-found' });
}

function plainServer(handler: typeof bareHandler): Promise<string> {
  const db = pool();
  const server = createServer((req, res) => {
    handler(db, req, res).catch((err: unknown) => {
      if (process.env.KASPR_BENCH_TRACE) process.stderr.write(`${String(err)}\n`);
      send(res, 500, { code: 'internal' });
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    });
  });
}

const kind = process.argv[2];
const url =
  kind === 'kaspr'
    ? await kaspr()
    : kind === 'bare'
      ? await plainServer(bareHandler)
      : await plainServer(rawHandler);
process.stdout.write(`listening ${url}\n`);
