// Group commit of chart-read audit entries (decision record 016): reads arriving together share one statement and
// one commit, each read still gets exactly its own entry before it is answered, a read of a patient outside the
// reader's services writes nothing, and a failing batch fails only the reads whose entries cannot be written.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadAuditBatcher, type ReadAuditRequest } from '../src/store/audit-batch.ts';
import { verifyAuditChain } from '../src/store/audit.ts';
import type { Queryable } from '../src/store/db.ts';
import { findPatient, toRecord } from '../src/store/patients.ts';
import { sealAll } from './support/audit.ts';
import { createTestDatabase, testEngine, type TestDatabase } from './support/database.ts';

interface Entry {
  at: Date;
  actor_id: string;
  action: string;
  resource_type: string;
  resource_id: string;
  patient_id: string;
  outcome: string;
  ip: string | null;
  request_id: string;
  flagged: boolean;
  details: Record<string, unknown>;
}

/** Counts the statements sent, and can make chosen ones fail. */
class Recording implements Queryable {
  statements = 0;
  failWhen: (sql: string, params: readonly unknown[]) => boolean = () => false;
  constructor(private readonly db: Queryable) {}
  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    this.statements += 1;
    if (this.failWhen(sql, params ?? [])) return Promise.reject(new Error('injected failure'));
    return this.db.query<T>(sql, params);
  }
}

describe(`read audit group commit (${testEngine()})`, () => {
  let t: TestDatabase;
  const serviceA = randomUUID();
  const serviceB = randomUUID();
  const inA: string[] = [];
  const inB: string[] = [];
  const actor = randomUUID();

  beforeAll(async () => {
    t = await createTestDatabase();
    await t.db.query(`INSERT INTO services (id, name) VALUES ($1, 'Batch A'), ($2, 'Batch B')`, [
      serviceA,
      serviceB,
    ]);
    for (let i = 0; i < 20; i += 1) {
      const id = randomUUID();
      await t.db.query(`INSERT INTO patients (id, service_id, current_version) VALUES ($1, $2, 1)`, [
        id,
        i % 2 ? serviceB : serviceA,
      ]);
      (i % 2 ? inB : inA).push(id);
    }
  });
  afterAll(() => t.drop());

  const request = (patientId: string, n: number, serviceIds = [serviceA]): ReadAuditRequest => ({
    event: {
      actorId: actor,
      action: 'patient.read',
      resourceType: 'Patient',
      resourceId: patientId,
      patientId,
      outcome: 'success',
      ip: `10.0.0.${n % 250}`,
      requestId: `batch-${n}-${randomUUID()}`,
      details: { n },
    },
    serviceIds,
    now: new Date(Date.UTC(2026, 11, 6, 8, 0, 0, n)),
  });

  const entriesOf = (requestIds: string[]) =>
    t.db.query<Entry>(
      `SELECT at, actor_id, action, resource_type, resource_id, patient_id, outcome, ip, request_id, flagged, details
         FROM audit_log WHERE request_id = ANY($1::text[])`,
      [requestIds],
    );

  it('writes one entry per allowed read, none for a patient outside the services, sharing statements', async () => {
    const db = new Recording(t.db);
    const batcher = new ReadAuditBatcher(db, { maxInFlight: 2 });
    const requests = Array.from({ length: 300 }, (_, n) => {
      // Every third read is of a patient in the other service: refused, nothing written.
      const outside = n % 3 === 2;
      const patients = outside ? inB : inA;
      return request(patients[n % patients.length] as string, n);
    });
    const answers = await Promise.all(requests.map((r) => batcher.append(r)));

    requests.forEach((r, n) => expect(answers[n]).toBe(n % 3 === 2 ? undefined : serviceA));
    // 300 reads in far fewer statements (the first goes alone, the rest queue behind the ones in flight).
    expect(db.statements).toBeLessThanOrEqual(10);

    const rows = await entriesOf(requests.map((r) => r.event.requestId as string));
    expect(rows).toHaveLength(200);
    const byRequest = new Map(rows.map((r) => [r.request_id, r]));
    requests.forEach((r, n) => {
      const row = byRequest.get(r.event.requestId as string);
      if (n % 3 === 2) {
        expect(row).toBeUndefined();
        return;
      }
      // Exactly what appendAudit would have written.
      expect(row).toEqual({
        at: r.now,
        actor_id: actor,
        action: 'patient.read',
        resource_type: 'Patient',
        resource_id: r.event.patientId,
        patient_id: r.event.patientId,
        outcome: 'success',
        ip: r.event.ip,
        request_id: r.event.requestId,
        flagged: false,
        details: { n },
      });
    });

    await sealAll(t.db);
    const chain = await verifyAuditChain(t.db);
    expect(chain.intact).toBe(true);
    expect(chain.pending).toBe(0);
  });

  it('a reader of several services is allowed for each, and answered with the patient’s own service', async () => {
    const batcher = new ReadAuditBatcher(t.db);
    const both = [serviceA, serviceB];
    const requests = [...inA.slice(0, 5), ...inB.slice(0, 5)].map((p, n) => request(p, 1000 + n, both));
    const answers = await Promise.all(requests.map((r) => batcher.append(r)));
    expect(answers).toEqual([...Array<string>(5).fill(serviceA), ...Array<string>(5).fill(serviceB)]);
    expect(await entriesOf(requests.map((r) => r.event.requestId as string))).toHaveLength(10);
  });

  it('a read of the record takes it from the statement that wrote the entry, as findPatient reads it', async () => {
    await t.db.query(
      `INSERT INTO users (id, email, display_name, password_hash, roles) VALUES ($1, 'batch@clinic.test', 'Batch', 'x', '{nurse}')`,
      [actor],
    );
    const withRecord = inA.slice(0, 3);
    for (const [n, id] of withRecord.entries()) {
      await t.db.query(
        `INSERT INTO patient_versions (patient_id, version, given_name, family_name, birth_date, data, recorded_at, recorded_by)
         VALUES ($1, 1, 'Given', $2, '1980-01-01', $3, now(), $4)`,
        [
          id,
          `Family${n}`,
          JSON.stringify({ givenName: 'Given', familyName: `Family${n}`, birthDate: '1980-01-01' }),
          actor,
        ],
      );
    }
    const batcher = new ReadAuditBatcher(t.db);
    const reads = withRecord.map((p, n) => request(p, 4000 + n));
    const outside = request(inB[0] as string, 4100);
    const [a, b, c, refused] = await Promise.all([...reads, outside].map((r) => batcher.appendAndRead(r)));
    for (const [n, got] of [a, b, c].entries()) {
      expect(got?.serviceId).toBe(serviceA);
      if (!got?.patient) throw new Error('no record returned');
      expect(toRecord(got.patient)).toEqual(await findPatient(t.db, withRecord[n] as string));
    }
    expect(refused).toBeUndefined();
    const written = await entriesOf([...reads, outside].map((r) => r.event.requestId as string));
    expect(written.map((r) => r.patient_id).sort()).toEqual([...withRecord].sort());
  });

  it('a failed batch is retried entry by entry: only the entry that cannot be written fails its read', async () => {
    const db = new Recording(t.db);
    // The batch statement fails whenever it carries the poisoned entry; alone, the poisoned entry fails too.
    const poisoned = 'batch-poisoned';
    db.failWhen = (_sql, params) => JSON.stringify(params).includes(poisoned);
    const batcher = new ReadAuditBatcher(db, { maxInFlight: 1 });
    const requests = Array.from({ length: 40 }, (_, n) => request(inA[n % inA.length] as string, 2000 + n));
    const bad = request(inA[0] as string, 2999);
    bad.event.requestId = poisoned;
    requests.splice(20, 0, bad);

    const settled = await Promise.allSettled(requests.map((r) => batcher.append(r)));
    settled.forEach((s, n) => {
      if (requests[n] === bad) expect(s.status).toBe('rejected');
      else expect(s).toEqual({ status: 'fulfilled', value: serviceA });
    });
    const written = await entriesOf(requests.map((r) => r.event.requestId as string));
    expect(written).toHaveLength(40);
    expect(written.some((r) => r.request_id === poisoned)).toBe(false);
  });

  it('when the database refuses every write, no read is answered as audited', async () => {
    const db = new Recording(t.db);
    db.failWhen = () => true;
    const batcher = new ReadAuditBatcher(db);
    const requests = Array.from({ length: 30 }, (_, n) => request(inA[n % inA.length] as string, 3000 + n));
    const settled = await Promise.allSettled(requests.map((r) => batcher.append(r)));
    expect(settled.every((s) => s.status === 'rejected')).toBe(true);
    expect(await entriesOf(requests.map((r) => r.event.requestId as string))).toHaveLength(0);

    // And the batcher carries on once the database is back.
    db.failWhen = () => false;
    const after = request(inA[1] as string, 3999);
    await expect(batcher.append(after)).resolves.toBe(serviceA);
    expect(await entriesOf([after.event.requestId as string])).toHaveLength(1);
  });
});
