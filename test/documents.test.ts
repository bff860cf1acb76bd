// Patient documents over real HTTP: service time zone, phone and address set by an admin; the consent PDF with the
// drawn signature image and the witness; the discharge summary with clinic, prescriber, route, dose, vitals,
// alerts, observations and local times with the zone; no internal notation on either.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from './support/pdf-text.ts';
import {
  addStaff,
  buildWorld,
  type Client,
  STAFF_PASSWORD,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';
import { signEligibility } from './support/treatment.ts';

const require = createRequire(import.meta.url);
const standardFontDataUrl = join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

/** How many images the PDF paints, over all pages, and how many pages it has. */
async function pdfImages(bytes: Uint8Array): Promise<{ images: number; pages: number }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, isEvalSupported: false })
    .promise;
  let images = 0;
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const ops = await (await pdf.getPage(n)).getOperatorList();
    images += ops.fnArray.filter(
      (f) => f === OPS.paintImageXObject || f === OPS.paintInlineImageXObject,
    ).length;
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { images, pages };
}

const INTERNAL = [
  '[V]',
  '[S',
  '[U]',
  '[SYN]',
  'clinic.md',
  'harm.md',
  '§',
  '@1.0.0',
  'iv-racemic-psychiatric',
];

// A 1×1 PNG, as the SignaturePad's canvas.toDataURL('image/png') would give (smaller).
const SIGNATURE_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

// A UK summer day: the server's clock runs from here, so every time on the documents is in BST.
const T0 = Date.UTC(2027, 6, 5, 10, 0);
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();

let server: TestServer;
let w: World;
let prescriber: Client;
let prescriberId: string;
let nurse: Client;
let patientId: string;
let clockMin = 0;

async function advanceTo(min: number): Promise<void> {
  while (clockMin < min) {
    clockMin = Math.min(min, clockMin + 20);
    const m = clockMin;
    server.ctx.now = () => new Date(T0 + m * 60_000);
    expect((await prescriber.get('/api/v1/me')).status).toBe(200);
    expect((await nurse.get('/api/v1/me')).status).toBe(200);
  }
}

beforeAll(async () => {
  server = await startTestServer({ KASPR_SESSION_IDLE_MINUTES: '30' });
  server.ctx.now = () => new Date(T0);
  w = await buildWorld(server);
  const p = await addStaff(w, 'pres@clinic.test', 'Pat Prescriber', ['prescriber'], [w.serviceA]);
  prescriber = p.client;
  prescriberId = p.id;
  await w.admin.post(`/api/v1/users/${prescriberId}/credentials`, { kind: 'ACLS', expiresOn: '2099-01-01' });
  nurse = (await addStaff(w, 'nurse@clinic.test', 'Nadia Nurse', ['nurse'], [w.serviceA])).client;
  const created = await prescriber.post('/api/v1/patients', {
    givenName: 'Sam',
    familyName: 'Summer',
    birthDate: '1980-01-01',
    weight: { kg: 68, measuredOn: '2027-07-01' },
  });
  patientId = created.body.id;
});
afterAll(() => server.close());

describe('service details for documents', () => {
  it('defaults to Europe/London, and an admin sets the zone, phone and address (audited)', async () => {
    const list = (await w.admin.get('/api/v1/services')).body.services;
    expect(list.find((s: { id: string }) => s.id === w.serviceA)).toMatchObject({
      timeZone: 'Europe/London',
      phone: null,
      address: null,
    });
    const r = await w.admin.patch(`/api/v1/services/${w.serviceA}`, {
      phone: '020 7946 0000',
      address: '1 Clinic Street, London',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: 'North Team', timeZone: 'Europe/London', phone: '020 7946 0000' });
    const audit = await server.database.db.query<{ action: string; details: { fields: string[] } }>(
      "SELECT action, details FROM audit_log WHERE action = 'service.update'",
    );
    expect(audit[0]?.details.fields.sort()).toEqual(['address', 'phone']);
  });

  it('refuses a time zone that is not a real IANA zone, and anyone but an admin', async () => {
    const bad = await w.admin.patch(`/api/v1/services/${w.serviceA}`, { timeZone: 'Mars/Olympus_Mons' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toContain('timeZone');
    expect((await prescriber.patch(`/api/v1/services/${w.serviceA}`, { phone: '0123 456789' })).status).toBe(
      403,
    );
    const created = await w.admin.post('/api/v1/services', {
      name: 'West Team',
      timeZone: 'America/New_York',
    });
    expect(created.status).toBe(201);
    expect(created.body.timeZone).toBe('America/New_York');
  });
});

describe('the consent PDF', () => {
  it('carries the drawn signature image, the witness with when, local time with the zone, and no internal notation', async () => {
    await signEligibility(prescriber, patientId);
    const r = await prescriber.post(`/api/v1/patients/${patientId}/consents`, {
      route: 'iv-racemic',
      documentId: 'consent-iv-racemic',
      documentVersion: '1.0.0',
      signature: { kind: 'drawn', name: 'Sam Summer', image: SIGNATURE_PNG },
      witness: { email: 'nurse@clinic.test', password: STAFF_PASSWORD },
    });
    expect(r.status).toBe(201);
    const res = await fetch(`${server.baseUrl}${r.body.pdfPath}`, { headers: { cookie: prescriber.cookie } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = await pdfText(bytes);
    const { images, pages } = await pdfImages(bytes);
    expect(images).toBe(1);
    expect(text).toContain(
      'Signed by Sam Summer (signature drawn on screen, shown below) on 05 Jul 2027, 11:00 BST',
    );
    expect(text).toContain('Witnessed by Nadia Nurse on 05 Jul 2027, 11:00 BST');
    expect(text).toContain('Source: Sanacora et al.');
    for (const tag of INTERNAL) expect(text).not.toContain(tag);
    // Sections resting on no published work print no source note at all (a patient reads references only).
    expect(text).not.toContain('Clinic practice');
    expect(text).not.toContain('KASPR');
    expect(text).not.toContain('UTC');
    // The footer sits on the last page of content: no page holds only the footer.
    expect(pages).toBeLessThanOrEqual(2);
    expect(text.match(/Page \d of \d/g)?.length).toBe(pages);
  });

  it('prints the typed name, and no image, for a typed signature', async () => {
    const other = await prescriber.post('/api/v1/patients', {
      givenName: 'Tia',
      familyName: 'Typed',
      birthDate: '1990-01-01',
    });
    const r = await prescriber.post(`/api/v1/patients/${other.body.id}/consents`, {
      route: 'iv-racemic',
      documentId: 'consent-iv-racemic',
      documentVersion: '1.0.0',
      signature: { kind: 'typed', name: 'Tia Typed' },
    });
    const res = await fetch(`${server.baseUrl}${r.body.pdfPath}`, { headers: { cookie: prescriber.cookie } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect((await pdfImages(bytes)).images).toBe(0);
    const text = await pdfText(bytes);
    expect(text).toContain('Signed by Tia Typed (typed name)');
    expect(text).toContain('No witness');
  });
});

describe('the discharge summary PDF', () => {
  let sessionId: string;
  let pdfPath: string;
  let noDrivingUntil: string;

  it('discharges an IV session with an urgent alert on the way', async () => {
    const s = await prescriber.post(`/api/v1/patients/${patientId}/treatment-sessions`, {
      protocol: 'iv-racemic-psychiatric',
      setting: 'clinic',
      baseline: { takenAt: at(-5), systolic: 120, diastolic: 80, heartRate: 70, spo2: 98 },
      dose: { mgPerKg: 0.5, durationMin: 40 },
      escortConfirmed: true,
      fastingConfirmed: true,
      newContraindication: false,
      aclsClinicianId: prescriberId,
    });
    expect(s.status).toBe(201);
    sessionId = s.body.id;
    const post = (path: string, body: unknown) =>
      nurse.post(`/api/v1/treatment-sessions/${sessionId}/${path}`, body);
    expect(
      (
        await post('administration', {
          event: 'start',
          at: at(0),
          product: 'Ketamine 10 mg/mL',
          lot: 'L1',
          expiry: '2028-01-31',
        })
      ).status,
    ).toBe(201);
    expect(
      (await post('vitals', { takenAt: at(20), systolic: 185, diastolic: 110, heartRate: 96, spo2: 97 }))
        .status,
    ).toBe(201);
    expect((await post('observations', { kind: 'cadss', score: 12, at: at(25) })).status).toBe(201);
    await advanceTo(40);
    expect((await post('administration', { event: 'stop', at: at(40) })).status).toBe(201);
    await advanceTo(70);
    expect(
      (await post('vitals', { takenAt: at(66), systolic: 124, diastolic: 82, heartRate: 72, spo2: 98 }))
        .status,
    ).toBe(201);
    await advanceTo(75);
    const d = await post('discharge', { alertAndOriented: true, escortPresent: true });
    expect(d.status).toBe(201);
    pdfPath = d.body.pdfPath;
    noDrivingUntil = d.body.noDrivingUntil;
    // 12 h after a 10:40 UTC end is 22:40 UTC, which a UK patient reads as 23:40 BST.
    expect(noDrivingUntil).toBe(at(40 + 12 * 60));
  });

  it('puts the no-driving time on the timeline in local time with the zone', async () => {
    const events = (await prescriber.get(`/api/v1/patients/${patientId}/timeline`)).body.events as {
      summary: string;
    }[];
    expect(events.map((e) => e.summary)).toContain('Discharged; no driving before 05 Jul 2027, 23:40 BST');
  });

  it('names the clinic and phone, prescriber, route, dose, vitals, alerts and observations, in BST, without notation', async () => {
    const res = await fetch(`${server.baseUrl}${pdfPath}`, { headers: { cookie: nurse.cookie } });
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    for (const fact of [
      'North Team',
      '020 7946 0000',
      'Prescriber: Pat Prescriber',
      'intravenous infusion',
      '34 mg given',
      'before 05 Jul 2027, 23:40 BST',
      'Vital signs',
      '185/110 mmHg',
      '05 Jul 2027, 11:20 BST 185/110 mmHg',
      'Urgent: Systolic BP 185 mmHg',
      'Dissociation score (CADSS) 12',
      'call the clinic on 020 7946 0000',
    ]) {
      expect(text).toContain(fact);
    }
    for (const tag of INTERNAL) expect(text).not.toContain(tag);
    expect(text).not.toContain('UTC');
  });
});
