// A dosing session's administration draws the dose from the controlled-drug register, in one transaction.
import { startIvSession } from './support/treatment.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWorld,
  Client,
  STAFF_PASSWORD,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';

let server: TestServer;
let w: World;
let prescriber: Client;
let officer: Client;
let prescriberId: string;
let productId: string;
let safeId: string;

const API = '/api/v1/cd-register';
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  const p = await w.admin.post('/api/v1/users', {
    email: 'rx@clinic.test',
    displayName: 'Rex Prescriber',
    roles: ['prescriber'],
    serviceIds: [w.serviceA],
    password: STAFF_PASSWORD,
  });
  prescriberId = p.body.user.id;
  await w.admin.post(`/api/v1/users/${prescriberId}/credentials`, { kind: 'ACLS', expiresOn: '2099-01-01' });
  await w.admin.post('/api/v1/users', {
    email: 'cdo@clinic.test',
    displayName: 'Carla Officer',
    roles: ['cd-officer'],
    serviceIds: [w.serviceA],
    password: STAFF_PASSWORD,
  });
  prescriber = new Client(server.baseUrl);
  await prescriber.login('rx@clinic.test', STAFF_PASSWORD);
  officer = new Client(server.baseUrl);
  await officer.login('cdo@clinic.test', STAFF_PASSWORD);
  productId = (
    await officer.post(`${API}/products`, {
      drug: 'Ketamine hydrochloride',
      form: 'solution for injection',
      strength: { mgPerMl: 10 },
      containerSize: 5,
      containerName: 'vial',
      code: { system: 'other', value: 'KET-10-5' },
      schedule: { uk: { schedule: 2, drugClass: 'B' } },
    })
  ).body.id;
  safeId = (await officer.post(`${API}/locations`, { name: 'Infusion suite safe', premises: 'North Clinic' }))
    .body.id;
  const receipt = await officer.post(`${API}/entries`, {
    kind: 'receipt',
    productId,
    locationId: safeId,
    quantity: { containers: 1 },
    supplier: { name: 'Acme Wholesale', address: '1 Main St' },
    invoice: 'INV-1',
    lot: 'L1',
    expiry: '2028-01-01',
  });
  expect(receipt.status).toBe(201);
});
afterAll(() => server.close());

describe('administration in a dosing session', () => {
  it('draws the dose from the register and appears there, linked to the patient and session', async () => {
    const patientId = (
      await prescriber.post('/api/v1/patients', {
        givenName: 'Sam',
        familyName: 'Stock',
        birthDate: '1980-01-01',
        weight: { kg: 70, measuredOn: today },
      })
    ).body.id;
    const sessionId = await startIvSession(prescriber, patientId, prescriberId);
    const r = await prescriber.post(`/api/v1/treatment-sessions/${sessionId}/administration`, {
      event: 'start',
      product: 'Ketamine 10 mg/mL',
      lot: 'L1',
      cdStock: { productId, locationId: safeId },
    });
    expect(r.status).toBe(201);
    const register = await officer.get(`${API}/entries?productId=${productId}&locationId=${safeId}`);
    const line = register.body.lines.find(
      (l: { entry: { kind: string } }) => l.entry.kind === 'administration',
    );
    expect(line.entry).toMatchObject({ patientId, sessionId, quantity: { mg: 35 } });
    const balances = (await officer.get(`${API}/balances`)).body.balances;
    expect(balances.find((b: { locationId: string }) => b.locationId === safeId)).toMatchObject({ mg: 15 });
  });

  it('takes the register as the default source: a start outside it needs a reason, kept with the event', async () => {
    const patientId = (
      await prescriber.post('/api/v1/patients', {
        givenName: 'Owen',
        familyName: 'Outside',
        birthDate: '1982-01-01',
        weight: { kg: 70, measuredOn: today },
      })
    ).body.id;
    const sessionId = await startIvSession(prescriber, patientId, prescriberId);
    const url = `/api/v1/treatment-sessions/${sessionId}/administration`;
    const bare = await prescriber.post(url, { event: 'start', product: 'Ketamine 10 mg/mL' });
    expect(bare.status).toBe(422);
    expect(bare.body.code).toBe('cd-stock-reason-required');
    expect(bare.body.detail).toMatch(
      /draw the dose from it, or give the reason it is not drawn from the register/,
    );
    expect(bare.body.errors).toEqual([{ path: 'body.notFromRegisterReason', message: expect.any(String) }]);
    const blank = await prescriber.post(url, { event: 'start', notFromRegisterReason: '   ' });
    expect(blank.body.code).toBe('cd-stock-reason-required');
    const both = await prescriber.post(url, {
      event: 'start',
      cdStock: { productId, locationId: safeId },
      notFromRegisterReason: 'Own supply',
    });
    expect(both.status).toBe(422);
    expect(both.body.code).toBe('cd-stock-reason-with-stock');
    const session = await prescriber.get(`/api/v1/treatment-sessions/${sessionId}`);
    expect(session.body.events.map((e: { kind: string }) => e.kind)).not.toContain('administration-start');

    const before = (await officer.get(`${API}/balances`)).body.balances;
    const r = await prescriber.post(url, {
      event: 'start',
      notFromRegisterReason: 'Drawn from the theatre stock, entered in its own register',
    });
    expect(r.status).toBe(201);
    const after = await prescriber.get(`/api/v1/treatment-sessions/${sessionId}`);
    const start = after.body.events.find((e: { kind: string }) => e.kind === 'administration-start');
    expect(start.data).toMatchObject({
      notFromRegisterReason: 'Drawn from the theatre stock, entered in its own register',
    });
    expect(start.data.cdStock).toBeUndefined();
    expect((await officer.get(`${API}/balances`)).body.balances).toEqual(before);
  });

  it('refuses with 409 insufficient-stock and records nothing when the safe cannot cover the dose', async () => {
    const patientId = (
      await prescriber.post('/api/v1/patients', {
        givenName: 'Una',
        familyName: 'Understocked',
        birthDate: '1981-01-01',
        weight: { kg: 70, measuredOn: today },
      })
    ).body.id;
    const sessionId = await startIvSession(prescriber, patientId, prescriberId);
    const r = await prescriber.post(`/api/v1/treatment-sessions/${sessionId}/administration`, {
      event: 'start',
      cdStock: { productId, locationId: safeId },
    });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('insufficient-stock');
    const session = await prescriber.get(`/api/v1/treatment-sessions/${sessionId}`);
    expect(session.body.events.map((e: { kind: string }) => e.kind)).not.toContain('administration-start');
  });
});
