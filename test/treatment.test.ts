// The treatment pathway over real HTTP: protocols, dose, screening, consent with PDF, a dosing session with gates,
// vitals alerts and discharge rules, and the discharge summary PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInZone } from '../src/domain/core/zoned.ts';
import { pdfText } from './support/pdf-text.ts';
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
let prescriberId: string;
let patientId: string;
let consentId: string;

const today = new Date().toISOString().slice(0, 10);
const T0 = Date.now();
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();
const baseline = { takenAt: at(-5), systolic: 120, diastolic: 80, heartRate: 70, spo2: 98 };

beforeAll(async () => {
  // Sessions idle out after 30 min here, and the clock is advanced in 20-minute steps with a request each.
  server = await startTestServer({ KASPR_SESSION_IDLE_MINUTES: '30' });
  w = await buildWorld(server);
  const r = await w.admin.post('/api/v1/users', {
    email: 'pres@clinic.test',
    displayName: 'Pat Prescriber',
    roles: ['prescriber'],
    serviceIds: [w.serviceA],
    password: STAFF_PASSWORD,
  });
  prescriberId = r.body.user.id;
  await w.admin.post(`/api/v1/users/${prescriberId}/credentials`, { kind: 'ACLS', expiresOn: '2099-01-01' });
  prescriber = new Client(server.baseUrl);
  await prescriber.login('pres@clinic.test', STAFF_PASSWORD);
  const p = await prescriber.post('/api/v1/patients', {
    givenName: 'Ivy',
    familyName: 'Infusion',
    birthDate: '1980-01-01',
    weight: { kg: 70, measuredOn: today },
    medications: [{ name: 'Diazepam', dose: '5 mg' }],
  });
  patientId = p.body.id;
});
afterAll(() => server.close());

describe('protocols and dose', () => {
  it('lists the four default protocols', async () => {
    const r = await prescriber.get('/api/v1/protocols');
    expect(r.body.protocols.map((p: { id: string }) => p.id).sort()).toEqual([
      'esketamine-intranasal',
      'iv-racemic-pain',
      'iv-racemic-psychiatric',
      'sublingual-kap',
    ]);
  });

  it('calculates 70 kg × 0.5 mg/kg over 40 min = 35 mg at 52.5 mg/h, with volume and pump rate', async () => {
    const r = await prescriber.post('/api/v1/dose-calculations', {
      protocol: 'iv-racemic-psychiatric',
      weightKg: 70,
      mgPerKg: 0.5,
      durationMin: 40,
      concentrationMgPerMl: 1,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ doseMg: 35, rateMgPerHour: 52.5, volumeMl: 35, rateMlPerHour: 52.5 });
    expect(r.body.rounding).toBeTruthy();
  });

  it('takes the dated weight from the chart', async () => {
    const r = await prescriber.post('/api/v1/dose-calculations', {
      protocol: 'iv-racemic-psychiatric',
      patientId,
      mgPerKg: 0.5,
      durationMin: 40,
    });
    expect(r.body.doseMg).toBe(35);
  });

  it('refuses a dose above the protocol maximum with the numbers, and an escalation without a reason', async () => {
    const over = await prescriber.post('/api/v1/dose-calculations', {
      protocol: 'iv-racemic-psychiatric',
      weightKg: 70,
      mgPerKg: 1.6,
      durationMin: 40,
    });
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('dose-above-protocol-maximum');
    expect(over.body.detail).toMatch(/1\.5/);
    const esc = await prescriber.post('/api/v1/dose-calculations', {
      protocol: 'iv-racemic-psychiatric',
      weightKg: 70,
      mgPerKg: 1.2,
      durationMin: 40,
    });
    expect(esc.body.code).toBe('escalation-needs-reason');
    const withReason = await prescriber.post('/api/v1/dose-calculations', {
      protocol: 'iv-racemic-psychiatric',
      weightKg: 70,
      mgPerKg: 1.2,
      durationMin: 40,
      prescriberReason: 'Partial response at 1.0',
    });
    expect(withReason.status).toBe(200);
  });

  it('refuses a missing or stale chart weight', async () => {
    const p = await prescriber.post('/api/v1/patients', {
      givenName: 'No',
      familyName: 'Weight',
      birthDate: '1990-01-01',
    });
    const r = await prescriber.post('/api/v1/dose-calculations', {
      protocol: 'iv-racemic-psychiatric',
      patientId: p.body.id,
      mgPerKg: 0.5,
    });
    expect(r.body.code).toBe('weight-missing');
    const q = await prescriber.post('/api/v1/patients', {
      givenName: 'Old',
      familyName: 'Weight',
      birthDate: '1990-01-01',
      weight: { kg: 70, measuredOn: '2020-01-01' },
    });
    expect(
      (
        await prescriber.post('/api/v1/dose-calculations', {
          protocol: 'iv-racemic-psychiatric',
          patientId: q.body.id,
          mgPerKg: 0.5,
        })
      ).body.code,
    ).toBe('weight-stale');
  });
});

describe('screening and consent', () => {
  it('records a referral and flags an indication outside the usual list', async () => {
    const r = await prescriber.post(`/api/v1/patients/${patientId}/referrals`, { indication: 'tinnitus' });
    expect(r.status).toBe(201);
    expect(r.body.flags.map((f: { code: string }) => f.code)).toContain('outside-usual-indications');
  });

  it('needs a prescriber and a complete checklist to sign eligibility, and flags interacting drugs', async () => {
    const body = {
      route: 'iv-racemic',
      checklist: {
        historyAndPhysical: true,
        psychiatricHistory: true,
        substanceUseHistory: true,
        medicationsReviewed: true,
        allergiesReviewed: true,
        priorTreatmentTrials: 'Sertraline, venlafaxine',
        baselineBp: { systolic: 122, diastolic: 78 },
        pregnancyStatus: 'not-pregnant',
      },
      contraindications: [
        { code: 'uncontrolled-hypertension', present: false, judgement: 'BP normal on three readings' },
      ],
      decision: 'eligible',
    };
    expect((await w.alice.post(`/api/v1/patients/${patientId}/eligibility`, body)).status).toBe(403);
    const incomplete = await prescriber.post(`/api/v1/patients/${patientId}/eligibility`, {
      ...body,
      checklist: { ...body.checklist, substanceUseHistory: false },
    });
    expect(incomplete.status).toBe(422);
    const r = await prescriber.post(`/api/v1/patients/${patientId}/eligibility`, body);
    expect(r.status).toBe(201);
    expect(JSON.stringify(r.body.flags.interactions)).toMatch(/benzodiazepine/i);
  });

  it('signs Absent without a judgement, and refuses Present or Unknown without one, naming it', async () => {
    const body = (contraindications: Record<string, unknown>[]) => ({
      route: 'iv-racemic',
      checklist: {
        historyAndPhysical: true,
        psychiatricHistory: true,
        substanceUseHistory: true,
        medicationsReviewed: true,
        allergiesReviewed: true,
        priorTreatmentTrials: 'Sertraline',
        baselineBp: { systolic: 120, diastolic: 76 },
        pregnancyStatus: 'not-pregnant',
      },
      contraindications,
      decision: 'eligible',
    });
    const url = `/api/v1/patients/${patientId}/eligibility`;
    const absent = await prescriber.post(
      url,
      body([
        { code: 'uncontrolled-hypertension', present: false, status: 'absent' },
        { code: 'active-psychosis', present: false },
      ]),
    );
    expect(absent.status).toBe(201);
    const present = await prescriber.post(
      url,
      body([
        { code: 'active-psychosis', present: false, status: 'absent' },
        { code: 'uncontrolled-hypertension', present: true, status: 'present', judgement: '  ' },
      ]),
    );
    expect(present.status).toBe(422);
    expect(present.body.code).toBe('contraindication-judgement-required');
    expect(present.body.errors).toEqual([
      {
        path: 'body.contraindications.1.judgement',
        message: 'Uncontrolled hypertension is marked Present: record your clinical judgement on it.',
      },
    ]);
    const firstShape = await prescriber.post(url, body([{ code: 'active-psychosis', present: true }]));
    expect(firstShape.body.code).toBe('contraindication-judgement-required');
    const unknown = await prescriber.post(
      url,
      body([{ code: 'active-substance-use-disorder', present: false, status: 'unknown' }]),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.detail).toBe(
      'Active substance use disorder is marked Unknown: record your clinical judgement on it.',
    );
    const disagrees = await prescriber.post(
      url,
      body([{ code: 'active-psychosis', present: true, status: 'unknown', judgement: 'History unclear' }]),
    );
    expect(disagrees.body.code).toBe('contraindication-status-disagrees');
    const judged = await prescriber.post(
      url,
      body([
        {
          code: 'active-substance-use-disorder',
          present: false,
          status: 'unknown',
          judgement: 'Awaiting GP records',
        },
        { code: 'uncontrolled-hypertension', present: true, status: 'present', judgement: 'Now controlled' },
      ]),
    );
    expect(judged.status).toBe(201);
    const decisions = (await prescriber.get(url)).body.decisions;
    const signed = decisions.find((d: { id: string }) => d.id === judged.body.id);
    expect(signed.checklist.contraindications[0]).toMatchObject({ status: 'unknown', present: false });
    const bare = decisions.find((d: { id: string }) => d.id === absent.body.id);
    expect(bare.checklist.contraindications[0].judgement).toBeUndefined();
  });

  it('refuses to start a session without consent for the route (409 consent-required)', async () => {
    const r = await prescriber.post(`/api/v1/patients/${patientId}/treatment-sessions`, {
      protocol: 'iv-racemic-psychiatric',
      setting: 'clinic',
      baseline,
      dose: { mgPerKg: 0.5, durationMin: 40 },
      escortConfirmed: true,
      fastingConfirmed: true,
      newContraindication: false,
      aclsClinicianId: prescriberId,
    });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('consent-required');
  });

  it('signs consent on screen and produces a PDF copy with the facts', async () => {
    const docs = (await prescriber.get('/api/v1/consent-documents')).body.documents;
    const doc = docs.find((d: { route: string }) => d.route === 'iv-racemic');
    const self = await prescriber.post(`/api/v1/patients/${patientId}/consents`, {
      route: 'iv-racemic',
      documentId: doc.id,
      documentVersion: doc.version,
      signature: { kind: 'typed', name: 'Ivy Infusion' },
      witness: { email: 'pres@clinic.test', password: STAFF_PASSWORD },
    });
    expect(self.status).toBe(422);
    expect(self.body.code).toBe('witness-must-differ');
    const r = await prescriber.post(`/api/v1/patients/${patientId}/consents`, {
      route: 'iv-racemic',
      documentId: doc.id,
      documentVersion: doc.version,
      signature: { kind: 'typed', name: 'Ivy Infusion' },
      witness: { email: 'alice@clinic.test', password: STAFF_PASSWORD },
    });
    expect(r.status).toBe(201);
    consentId = r.body.id;
    const pdf = await fetch(`${server.baseUrl}${r.body.pdfPath}`, { headers: { cookie: prescriber.cookie } });
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    for (const fact of [
      'Consent to intravenous ketamine treatment',
      'INFUSION, Ivy',
      'off-label',
      'for 12 hours',
      'bladder',
      'Signed by Ivy Infusion',
      'Witnessed by Alice North on',
    ]) {
      expect(text).toContain(fact);
    }
  });
});

let clockMin = 0;
/** Moves the server clock forward to T0 + `min`, keeping the prescriber's session alive on the way. */
async function advanceTo(min: number): Promise<void> {
  while (clockMin < min) {
    clockMin = Math.min(min, clockMin + 20);
    const m = clockMin;
    server.ctx.now = () => new Date(T0 + m * 60_000);
    expect((await prescriber.get('/api/v1/me')).status).toBe(200);
  }
}

describe('a dosing session', () => {
  let sessionId: string;
  const start = (over: Record<string, unknown> = {}) =>
    prescriber.post(`/api/v1/patients/${patientId}/treatment-sessions`, {
      protocol: 'iv-racemic-psychiatric',
      setting: 'clinic',
      baseline,
      dose: { mgPerKg: 0.5, durationMin: 40 },
      escortConfirmed: true,
      fastingConfirmed: true,
      newContraindication: false,
      aclsClinicianId: prescriberId,
      ...over,
    });

  it.each([
    ['an ACLS clinician', { aclsClinicianId: undefined }, 'acls-clinician-required'],
    ['an escort', { escortConfirmed: false }, 'escort-not-confirmed'],
    [
      'acknowledgement of BP above 140/90',
      { baseline: { ...baseline, systolic: 141 } },
      'bp-above-threshold-needs-acknowledgement',
    ],
    ['a clinic for IV ketamine', { setting: 'home' }, 'parenteral-route-needs-clinic'],
  ])('is refused without %s', async (_label, over, code) => {
    const r = await start(over);
    expect(r.status).toBe(409);
    expect(r.body.blocks.map((b: { code: string }) => b.code)).toContain(code);
  });

  it('starts when every gate is met, with the dose from the chart weight', async () => {
    const r = await start();
    expect(r.status).toBe(201);
    expect(r.body.dose.doseMg).toBe(35);
    sessionId = r.body.id;
    expect(
      (
        await prescriber.post(`/api/v1/treatment-sessions/${sessionId}/administration`, {
          event: 'start',
          at: at(0),
          product: 'Ketamine 10 mg/mL',
          lot: 'L123',
          expiry: '2027-06-30',
        })
      ).status,
    ).toBe(201);
  });

  it('alerts on a high blood pressure during the session', async () => {
    const r = await prescriber.post(`/api/v1/treatment-sessions/${sessionId}/vitals`, {
      takenAt: at(20),
      systolic: 185,
      diastolic: 95,
      heartRate: 88,
      spo2: 97,
    });
    expect(r.status).toBe(201);
    expect(r.body.alerts.map((a: { code: string }) => a.code)).toContain('systolic');
    await prescriber.post(`/api/v1/treatment-sessions/${sessionId}/observations`, {
      kind: 'cadss',
      score: 12,
      at: at(25),
    });
    // The stop is recorded when it happens: the server clock reaches the planned end first.
    await advanceTo(40);
    expect(
      (
        await prescriber.post(`/api/v1/treatment-sessions/${sessionId}/administration`, {
          event: 'stop',
          at: at(40),
        })
      ).status,
    ).toBe(201);
  });

  it('refuses an early discharge naming the unmet rules', async () => {
    await prescriber.post(`/api/v1/treatment-sessions/${sessionId}/vitals`, {
      takenAt: at(45),
      systolic: 150,
      diastolic: 90,
      heartRate: 84,
      spo2: 97,
    });
    await advanceTo(50);
    const r = await prescriber.post(`/api/v1/treatment-sessions/${sessionId}/discharge`, {
      alertAndOriented: true,
      escortPresent: true,
    });
    expect(r.status).toBe(409);
    const codes = r.body.unmet.map((u: { code: string }) => u.code);
    expect(codes).toEqual(expect.arrayContaining(['vitals-not-at-baseline', 'observation-period-not-met']));
    expect(r.body.code).toBe(codes[0]);
  });

  it('discharges when vitals are back, observation has passed and an escort is present; the summary PDF says when driving may resume', async () => {
    await prescriber.post(`/api/v1/treatment-sessions/${sessionId}/vitals`, {
      takenAt: at(66),
      systolic: 124,
      diastolic: 82,
      heartRate: 72,
      spo2: 98,
    });
    await advanceTo(75);
    const noEscort = await prescriber.post(`/api/v1/treatment-sessions/${sessionId}/discharge`, {
      alertAndOriented: true,
      escortPresent: false,
    });
    expect(noEscort.body.code).toBe('escort-not-present');
    const r = await prescriber.post(`/api/v1/treatment-sessions/${sessionId}/discharge`, {
      alertAndOriented: true,
      escortPresent: true,
    });
    expect(r.status).toBe(201);
    expect(r.body.noDrivingUntil).toBe(new Date(T0 + 40 * 60_000 + 12 * 3_600_000).toISOString());
    server.ctx.now = () => new Date();
    const pdf = await fetch(`${server.baseUrl}${r.body.pdfPath}`, { headers: { cookie: prescriber.cookie } });
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain('Do not drive');
    // On the service's clock with the zone (Europe/London by default), never bare UTC.
    expect(text).toContain(formatInZone(new Date(r.body.noDrivingUntil), 'Europe/London'));
    expect(text).toContain('If you feel unwell');
    expect(
      (
        await prescriber.post(`/api/v1/treatment-sessions/${sessionId}/vitals`, {
          takenAt: at(80),
          systolic: 120,
          diastolic: 80,
          heartRate: 70,
          spo2: 98,
        })
      ).body.code,
    ).toBe('session-discharged');
  });

  it('stops new sessions once consent is withdrawn', async () => {
    expect(
      (
        await prescriber.post(`/api/v1/consents/${consentId}/withdraw`, {
          reason: 'Patient changed their mind',
        })
      ).status,
    ).toBe(201);
    const r = await start({
      baseline: { ...baseline, takenAt: new Date(Date.now() - 60_000).toISOString() },
    });
    expect(r.body.code).toBe('consent-required');
  });

  it('keeps other services out', async () => {
    expect((await w.bob.get(`/api/v1/treatment-sessions/${sessionId}`)).status).toBe(404);
  });
});
