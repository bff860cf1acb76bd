// The first-run checklist: each step turns done when its records exist; the clinical content sign-off is
// append-only, audited and names the versions in force; access (401, 403, CSRF); the ACLS block says what to set
// up and where; with one service, new staff are put in it unless the request names their services.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signConsent, signEligibility } from './support/treatment.ts';
import { ADMIN, Client, STAFF_PASSWORD, startTestServer, type TestServer } from './support/server.ts';
import { dayIn, utcDay, zoneOffUtcDay } from './support/zones.ts';

let server: TestServer;
const admin = () => clients.admin;
const clients = {} as {
  admin: Client;
  prescriber: Client;
  nurse: Client;
  officer: Client;
  practitioner: Client;
};
const ids = {} as { service: string; prescriber: string; nurse: string; practitioner: string };

interface Step {
  id: string;
  done: boolean;
  path: string;
  description: string;
  status: string;
  links: { text: string; path: string }[];
}

async function checklist(client: Client = admin()) {
  const r = await client.get('/api/v1/setup/checklist');
  expect(r.status, r.text).toBe(200);
  return r.body as {
    service: { id: string; name: string };
    complete: boolean;
    steps: Step[];
    content: { refs: { instruments: string[]; harmPack: string; protocols: string[]; thresholds: string[] } };
    latestSignOff: { id: string; signedOffBy: { name: string } } | null;
  };
}

async function done(): Promise<Record<string, boolean>> {
  return Object.fromEntries((await checklist()).steps.map((s) => [s.id, s.done]));
}

async function addUser(email: string, displayName: string, roles: string[], serviceIds?: string[]) {
  const r = await admin().post('/api/v1/users', {
    email,
    displayName,
    roles,
    password: STAFF_PASSWORD,
    ...(serviceIds ? { serviceIds } : {}),
  });
  expect(r.status, r.text).toBe(201);
  const client = new Client(server.baseUrl);
  expect((await client.login(email, STAFF_PASSWORD)).status).toBe(200);
  return { client, id: r.body.user.id as string, serviceIds: r.body.user.serviceIds as string[] };
}

beforeAll(async () => {
  server = await startTestServer();
  clients.admin = new Client(server.baseUrl);
  const setup = await clients.admin.post('/api/v1/setup', { ...ADMIN, serviceName: 'First Clinic' });
  expect(setup.status, setup.text).toBe(201);
  ids.service = setup.body.user.serviceIds[0] as string;
});
afterAll(async () => {
  await server.close();
});

describe('GET /setup/checklist and POST /content-signoffs: access', () => {
  it('refuses without a session (401)', async () => {
    const anonymous = new Client(server.baseUrl);
    expect((await anonymous.get('/api/v1/setup/checklist')).status).toBe(401);
    expect((await anonymous.post('/api/v1/content-signoffs', {})).status).toBe(401);
  });

  it('refuses a role without content:manage (403)', async () => {
    const practitioner = await addUser('pat@clinic.test', 'Pat Practitioner', ['practitioner']);
    clients.practitioner = practitioner.client;
    ids.practitioner = practitioner.id;
    expect((await practitioner.client.get('/api/v1/setup/checklist')).status).toBe(403);
    const refs = (await checklist()).content.refs;
    expect((await practitioner.client.post('/api/v1/content-signoffs', { reviewed: refs })).status).toBe(403);
  });

  it('refuses a sign-off without the CSRF token (403) and records nothing', async () => {
    const refs = (await checklist()).content.refs;
    const r = await admin().post('/api/v1/content-signoffs', { reviewed: refs }, { 'x-csrf-token': '' });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('csrf-rejected');
    expect((await checklist()).latestSignOff).toBeNull();
  });
});

describe('with one service, new staff are put in it', () => {
  it('puts a new member of staff in the only service when the request names none', async () => {
    const practitioner = await admin().get('/api/v1/users');
    const pat = (practitioner.body.users as { id: string; serviceIds: string[] }[]).find(
      (u) => u.id === ids.practitioner,
    );
    expect(pat?.serviceIds).toEqual([ids.service]);
  });

  it('keeps an explicit choice of no service', async () => {
    const auditor = await addUser('aud@clinic.test', 'Aud Auditor', ['auditor'], []);
    expect(auditor.serviceIds).toEqual([]);
  });
});

describe('each step turns done when its records exist', () => {
  it('starts with every step not done, each with a plain description and where it is done', async () => {
    const list = await checklist();
    expect(list.service.name).toBe('First Clinic');
    expect(list.complete).toBe(false);
    expect(list.steps.map((s) => s.id)).toEqual([
      'staff',
      'acls',
      'cd-stock',
      'content-signoff',
      'time-zone-and-register',
    ]);
    for (const step of list.steps) {
      expect(step.done).toBe(false);
      expect(step.description.length).toBeGreaterThan(40);
      expect(step.path).toMatch(/^\//);
      expect(step.links[0]?.path).toBe(step.path);
    }
  });

  it('staff: a prescriber and a nurse of the service', async () => {
    const prescriber = await addUser('rx@clinic.test', 'Rae Prescriber', ['prescriber']);
    clients.prescriber = prescriber.client;
    ids.prescriber = prescriber.id;
    expect((await done()).staff).toBe(false);
    const nurse = await addUser('nurse@clinic.test', 'Nadia Nurse', ['nurse']);
    clients.nurse = nurse.client;
    ids.nurse = nurse.id;
    expect(await done()).toMatchObject({ staff: true, acls: false });
  });

  it('acls: an ACLS credential valid today of a prescriber or nurse (an expired one does not count)', async () => {
    const expired = await admin().post(`/api/v1/users/${ids.prescriber}/credentials`, {
      kind: 'ACLS',
      expiresOn: '2020-01-01',
    });
    expect(expired.status).toBe(201);
    expect((await done()).acls).toBe(false);
    const other = await admin().post(`/api/v1/users/${ids.prescriber}/credentials`, {
      kind: 'prescriber-registration',
    });
    expect(other.status).toBe(201);
    expect((await done()).acls).toBe(false);
    const valid = await admin().post(`/api/v1/users/${ids.prescriber}/credentials`, {
      kind: 'ACLS',
      expiresOn: '2099-01-01',
    });
    expect(valid.status).toBe(201);
    const list = await checklist();
    expect(list.steps.find((s) => s.id === 'acls')).toMatchObject({ done: true, path: '/admin#staff' });
  });

  it('cd-stock: a product, a location and a receipt', async () => {
    const officer = await addUser('cdo@clinic.test', 'Carla Officer', ['cd-officer']);
    clients.officer = officer.client;
    const productId = (
      await officer.client.post('/api/v1/cd-register/products', {
        drug: 'Ketamine hydrochloride',
        form: 'solution for injection',
        strength: { mgPerMl: 10 },
        containerSize: 20,
        containerName: 'vial',
        code: { system: 'other', value: 'KET-10-20' },
        schedule: { uk: { schedule: 2, drugClass: 'B' } },
      })
    ).body.id as string;
    expect((await done())['cd-stock']).toBe(false);
    const locationId = (
      await officer.client.post('/api/v1/cd-register/locations', { name: 'CD cupboard', premises: 'Clinic' })
    ).body.id as string;
    expect((await done())['cd-stock']).toBe(false);
    const receipt = await officer.client.post('/api/v1/cd-register/entries', {
      kind: 'receipt',
      productId,
      locationId,
      quantity: { containers: 5 },
      supplier: { name: 'Acme Wholesale', address: '1 Main St' },
      invoice: 'INV-1',
      lot: 'L1',
      expiry: '2030-01-01',
    });
    expect(receipt.status, receipt.text).toBe(201);
    expect((await done())['cd-stock']).toBe(true);
  });

  it('time zone and register mode: both saved', async () => {
    const zone = await admin().patch(`/api/v1/services/${ids.service}`, { timeZone: 'Europe/Dublin' });
    expect(zone.status, zone.text).toBe(200);
    expect((await done())['time-zone-and-register']).toBe(false);
    const mode = await clients.officer.patch('/api/v1/cd-register/settings', { mode: 'uk' });
    expect(mode.status, mode.text).toBe(200);
    const step = (await checklist()).steps.find((s) => s.id === 'time-zone-and-register');
    expect(step?.done).toBe(true);
    expect(step?.status).toContain('Europe/Dublin');
  });

  it('content: a sign-off of the versions in force, audited; the checklist is then complete', async () => {
    const before = await checklist();
    expect(before.content.refs.protocols.some((p) => p.startsWith('iv-racemic-psychiatric@'))).toBe(true);
    expect(before.content.refs.harmPack).toMatch(/^kaspr-harm-default@/);
    expect(before.content.refs.thresholds).toContain('iv-racemic-psychiatric#0');
    const r = await admin().post('/api/v1/content-signoffs', {
      reviewed: before.content.refs,
      note: 'Reviewed by the clinical lead',
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({
      serviceId: ids.service,
      content: before.content.refs,
      note: 'Reviewed by the clinical lead',
      signedOffBy: { name: ADMIN.displayName },
    });
    const after = await checklist();
    expect(after.steps.find((s) => s.id === 'content-signoff')?.done).toBe(true);
    expect(after.complete).toBe(true);
    expect(after.latestSignOff?.id).toBe(r.body.id);

    const audit = await server.ctx.db.query<{ action: string; details: { content: unknown } }>(
      `SELECT action, details FROM audit_log WHERE resource_type = 'ContentSignOff' AND resource_id = $1`,
      [r.body.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.action).toBe('content-signoff.create');
    expect(audit[0]?.details.content).toEqual(before.content.refs);
  });

  it('content: a later threshold change needs a new sign-off, and a stale review is refused', async () => {
    const stale = (await checklist()).content.refs;
    const settings = await admin().post(
      `/api/v1/services/${ids.service}/protocols/iv-racemic-psychiatric/settings`,
      { settings: { 'discharge.observation.minimum': 45 }, reason: 'Local policy: a longer observation' },
    );
    expect(settings.status, settings.text).toBe(201);
    const list = await checklist();
    expect(list.steps.find((s) => s.id === 'content-signoff')?.done).toBe(false);
    expect(list.complete).toBe(false);
    expect(list.content.refs.thresholds).toContain('iv-racemic-psychiatric#1');
    const refused = await admin().post('/api/v1/content-signoffs', { reviewed: stale });
    expect(refused.status).toBe(409);
    // A supervisor (content:manage) signs off the new versions.
    const supervisor = await addUser('sup@clinic.test', 'Sam Supervisor', ['supervisor']);
    expect((await supervisor.client.get('/api/v1/setup/checklist')).status).toBe(200);
    const again = await supervisor.client.post('/api/v1/content-signoffs', { reviewed: list.content.refs });
    expect(again.status, again.text).toBe(201);
    expect((await checklist()).complete).toBe(true);
  });

  it('a sign-off is never changed or deleted', async () => {
    const db = server.ctx.db;
    await expect(db.query(`UPDATE content_signoffs SET note = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM content_signoffs')).rejects.toThrow(/append-only/);
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM content_signoffs');
    expect(rows[0]?.n).toBe(2);
  });

  it('a disabled member of staff no longer counts', async () => {
    const r = await admin().patch(`/api/v1/users/${ids.nurse}`, { disabled: true });
    expect(r.status, r.text).toBe(200);
    expect((await done()).staff).toBe(false);
    expect((await admin().patch(`/api/v1/users/${ids.nurse}`, { disabled: false })).status).toBe(200);
    expect((await done()).staff).toBe(true);
  });
});

describe('a rule that blocks for want of set-up says what to set up and where', () => {
  it('the ACLS block carries a setup hint linking to the staff credentials; other fields unchanged', async () => {
    const patient = await clients.prescriber.post('/api/v1/patients', {
      givenName: 'Ivy',
      familyName: 'Infusion',
      birthDate: '1980-01-01',
      weight: { kg: 70, measuredOn: new Date().toISOString().slice(0, 10) },
    });
    expect(patient.status, patient.text).toBe(201);
    const patientId = patient.body.id as string;
    const referral = await clients.prescriber.post(`/api/v1/patients/${patientId}/referrals`, {
      indication: 'treatment-resistant-depression',
    });
    expect(referral.status, referral.text).toBe(201);
    await signEligibility(clients.prescriber, patientId);
    await signConsent(clients.prescriber, patientId, 'Ivy Infusion');
    // The nurse holds no ACLS credential: the session may not start, and the block says how to fix it.
    const r = await clients.prescriber.post(`/api/v1/patients/${patientId}/treatment-sessions`, {
      protocol: 'iv-racemic-psychiatric',
      setting: 'clinic',
      baseline: {
        takenAt: new Date(Date.now() - 60_000).toISOString(),
        systolic: 120,
        diastolic: 80,
        heartRate: 70,
        spo2: 98,
      },
      dose: { mgPerKg: 0.5, durationMin: 40 },
      escortConfirmed: true,
      fastingConfirmed: true,
      newContraindication: false,
      aclsClinicianId: ids.nurse,
    });
    expect(r.status, r.text).toBe(409);
    expect(r.body.code).toBe('acls-clinician-required');
    const block = (
      r.body.blocks as {
        code: string;
        text: string;
        source: string;
        setup?: { path: string; text: string };
      }[]
    ).find((b) => b.code === 'acls-clinician-required');
    expect(block).toMatchObject({
      text: 'An ACLS-credentialed clinician must be present during administration.',
      setup: { path: '/admin#staff' },
    });
    expect(block?.source.length).toBeGreaterThan(0);
    expect(block?.setup?.text).toMatch(/ACLS.*Admin → Staff → Credentials/);
  });
});

describe("the ACLS step on the service's calendar", () => {
  it("counts a credential that expires today as valid on the service's day, not UTC's", async () => {
    const zone = zoneOffUtcDay();
    const made = await admin().post('/api/v1/services', { name: 'Island Clinic', timeZone: zone });
    expect(made.status, made.text).toBe(201);
    const serviceId = made.body.id as string;
    const nurse = await addUser('island-nurse@clinic.test', 'Ilse Nurse', ['nurse'], [serviceId]);
    // The earlier of the two days: valid on one calendar and expired on the other.
    const local = dayIn(zone);
    const utc = utcDay();
    const expiresOn = local < utc ? local : utc;
    expect(local).not.toBe(utc);
    const credential = await admin().post(`/api/v1/users/${nurse.id}/credentials`, {
      kind: 'ACLS',
      expiresOn,
    });
    expect(credential.status, credential.text).toBe(201);
    expect(credential.body.valid).toBe(expiresOn >= dayIn(zone));
    const r = await admin().get(`/api/v1/setup/checklist?service=${serviceId}`);
    expect(r.status, r.text).toBe(200);
    const acls = (r.body.steps as Step[]).find((step) => step.id === 'acls');
    expect(acls?.done).toBe(expiresOn >= dayIn(zone));
    const listed = await admin().get(`/api/v1/users/${nurse.id}/credentials`);
    expect(listed.body.credentials[0].valid).toBe(expiresOn >= dayIn(zone));
  });
});
