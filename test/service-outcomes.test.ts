// Service outcome measures over real records: known answers on a small hand-built service.
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
let manager: Client;
const today = new Date().toISOString().slice(0, 10);
const yesterday = new Date(Date.now() - 86_400_000).toISOString();

const assess = (days: number, symptoms: string[]) => ({
  assessment: {
    use: { daysUsedLast28: days, routes: ['nasal'], bingeing: false, escalating: false },
    symptoms: symptoms.map((code) => ({ code })),
    risks: [],
  },
});

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  await w.admin.post('/api/v1/users', {
    email: 'mgr@clinic.test',
    displayName: 'Mo Manager',
    roles: ['supervisor'],
    serviceIds: [w.serviceA],
    password: STAFF_PASSWORD,
  });
  manager = new Client(server.baseUrl);
  await manager.login('mgr@clinic.test', STAFF_PASSWORD);
  // Patient 1: level 2 proposed, accepted; one attended appointment.
  const p1 = (
    await w.alice.post('/api/v1/patients', { givenName: 'One', familyName: 'First', birthDate: '1990-01-01' })
  ).body.id;
  const a1 = await w.alice.post(`/api/v1/patients/${p1}/harm-assessments`, assess(6, ['urinary-frequency']));
  await w.alice.post(`/api/v1/harm-assessments/${a1.body.id}/decision`, { confirmedLevel: 2 });
  const ap1 = await w.alice.post(`/api/v1/patients/${p1}/appointments`, {
    startsAt: yesterday,
    durationMinutes: 30,
    contactType: 'phone',
  });
  await w.alice.post(`/api/v1/appointments/${ap1.body.id}/status`, { status: 'attended' });
  // Patient 2: level 2 proposed, overridden to 3; one missed appointment.
  const p2 = (
    await w.alice.post('/api/v1/patients', {
      givenName: 'Two',
      familyName: 'Second',
      birthDate: '1991-01-01',
    })
  ).body.id;
  const a2 = await w.alice.post(`/api/v1/patients/${p2}/harm-assessments`, assess(10, []));
  await w.alice.post(`/api/v1/harm-assessments/${a2.body.id}/decision`, {
    confirmedLevel: 3,
    reason: 'Escalating pattern',
  });
  const ap2 = await w.alice.post(`/api/v1/patients/${p2}/appointments`, {
    startsAt: yesterday,
    durationMinutes: 30,
    contactType: 'video',
  });
  await w.alice.post(`/api/v1/appointments/${ap2.body.id}/status`, { status: 'did-not-attend' });
  // A patient in another service never counts.
  await w.bob.post('/api/v1/patients', {
    givenName: 'Other',
    familyName: 'Service',
    birthDate: '1992-01-01',
  });
});
afterAll(() => server.close());

const find = (measures: { id: string }[], id: string) =>
  measures.find((m) => m.id === id) as { id: string; definition: { definition: string }; value: any };

describe('GET /reports/service-outcomes', () => {
  it('is for managers and supervisors, not every clinician', async () => {
    expect((await w.alice.get(`/api/v1/reports/service-outcomes?from=${today}&to=${today}`)).status).toBe(
      403,
    );
  });

  it('reports each measure beside its definition, with known answers', async () => {
    const from = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const r = await manager.get(`/api/v1/reports/service-outcomes?from=${from}&to=${today}`);
    expect(r.status).toBe(200);
    expect(r.body.episodes).toBe(2);
    for (const m of r.body.measures) expect(m.definition.definition.length).toBeGreaterThan(20);
    // 1 override out of 2 decisions.
    expect(find(r.body.measures, 'override-rate').value.overall).toMatchObject({
      numerator: 1,
      denominator: 2,
    });
    // 1 attended of 2 booked; 1 did-not-attend of 2 that went ahead or were missed.
    expect(find(r.body.measures, 'attended-of-booked').value).toMatchObject({ numerator: 1, denominator: 2 });
    expect(find(r.body.measures, 'did-not-attend-rate').value).toMatchObject({
      numerator: 1,
      denominator: 2,
    });
    // The only sentinel symptom was found at the first assessment.
    expect(find(r.body.measures, 'sentinel-at-first-assessment').value).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
  });

  it('refuses a service the manager does not work in, and a reversed period', async () => {
    expect(
      (await manager.get(`/api/v1/reports/service-outcomes?from=${today}&to=${today}&service=${w.serviceB}`))
        .status,
    ).toBe(404);
    expect((await manager.get(`/api/v1/reports/service-outcomes?from=${today}&to=2020-01-01`)).status).toBe(
      422,
    );
  });
});
