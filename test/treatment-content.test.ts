// Treatment content over real HTTP: interaction flags from the drug dictionary, pregnancy at eligibility and
// session start, and per-service protocol settings (versioned, audited) used by dose calculation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addStaff,
  buildWorld,
  type Client,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';
import { signConsent } from './support/treatment.ts';

let server: TestServer;
let w: World;
let prescriber: Client;
let prescriberId: string;

const today = new Date().toISOString().slice(0, 10);

const CHECKLIST = {
  historyAndPhysical: true,
  psychiatricHistory: true,
  substanceUseHistory: true,
  medicationsReviewed: true,
  allergiesReviewed: true,
  priorTreatmentTrials: 'Two adequate antidepressant trials',
  baselineBp: { systolic: 120, diastolic: 80 },
  pregnancyStatus: 'not-pregnant',
};

const eligibility = (route: string, pregnancyStatus = 'not-pregnant') => ({
  route,
  checklist: { ...CHECKLIST, pregnancyStatus },
  contraindications: [{ code: 'active-psychosis', present: false, judgement: 'None on history' }],
  decision: 'eligible',
});

async function newPatient(medications: { name: string }[] = []): Promise<string> {
  const p = await prescriber.post('/api/v1/patients', {
    givenName: 'Cora',
    familyName: 'Content',
    birthDate: '1985-02-03',
    weight: { kg: 70, measuredOn: today },
    medications,
  });
  if (p.status !== 201) throw new Error(p.text);
  return p.body.id as string;
}

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  const staff = await addStaff(w, 'content-pres@clinic.test', 'Cy Prescriber', ['prescriber'], [w.serviceA]);
  prescriber = staff.client;
  prescriberId = staff.id;
  await w.admin.post(`/api/v1/users/${prescriberId}/credentials`, { kind: 'ACLS', expiresOn: '2099-01-01' });
});
afterAll(() => server.close());

describe('interaction flags at eligibility', () => {
  it('flags UK combination and brand names and gabapentinoids, and says the matcher is not exhaustive', async () => {
    const patientId = await newPatient([
      { name: 'Co-codamol 30/500mg' },
      { name: 'Pregabalin 75 mg' },
      { name: 'Elvanse 30mg' },
      { name: 'Sertraline 50 mg' },
    ]);
    const r = await prescriber.post(`/api/v1/patients/${patientId}/eligibility`, eligibility('iv-racemic'));
    expect(r.status).toBe(201);
    const flags = r.body.flags.interactions as { medication: string; classId: string }[];
    expect(flags.map((f) => [f.medication, f.classId])).toEqual([
      ['Co-codamol 30/500mg', 'opioid'],
      ['Pregabalin 75 mg', 'gabapentinoid'],
      ['Elvanse 30mg', 'psychostimulant'],
    ]);
    expect(r.body.flags.interactionsExhaustive).toBe(false);
    expect(r.body.flags.interactionsLimitation).toMatch(/No flag does not mean no interaction/);
  });
});

describe('pregnancy at eligibility and session start', () => {
  it('flags a recorded pregnancy at eligibility as contraindicated (Spravato named), and "unknown" as a caution', async () => {
    const patientId = await newPatient();
    const r = await prescriber.post(
      `/api/v1/patients/${patientId}/eligibility`,
      eligibility('intranasal-esketamine', 'pregnant'),
    );
    expect(r.status).toBe(201);
    const flags = r.body.flags.contraindications.flags as { code: string; severity: string; label: string }[];
    expect(flags.map((f) => [f.code, f.severity])).toEqual([['pregnancy', 'contraindicated']]);
    expect(flags[0]?.label).toMatch(/Spravato \(esketamine\) is not recommended in pregnancy/);
    const unknown = await prescriber.post(
      `/api/v1/patients/${patientId}/eligibility`,
      eligibility('iv-racemic', 'unknown'),
    );
    expect(unknown.body.flags.contraindications.flags.map((f: { code: string }) => f.code)).toEqual([
      'pregnancy-status-unknown',
    ]);
    const not = await prescriber.post(`/api/v1/patients/${patientId}/eligibility`, eligibility('iv-racemic'));
    expect(not.body.flags.contraindications.flags).toEqual([]);
  });

  it('carries a pregnancy caution into the session start from the latest eligibility', async () => {
    const patientId = await newPatient();
    await prescriber.post(`/api/v1/patients/${patientId}/eligibility`, eligibility('iv-racemic', 'pregnant'));
    await signConsent(prescriber, patientId, 'The patient');
    const s = await prescriber.post(`/api/v1/patients/${patientId}/treatment-sessions`, {
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
      aclsClinicianId: prescriberId,
    });
    expect(s.status).toBe(201);
    expect(s.body.prechecks.cautions.map((c: { code: string }) => c.code)).toEqual(['pregnancy-recorded']);
  });

  it('offers the current consent documents with a pregnancy section', async () => {
    const docs = (await prescriber.get('/api/v1/consent-documents')).body.documents as {
      route: string;
      version: string;
      sections: { heading: string }[];
    }[];
    const current = docs.filter((d) => d.version === '1.1.0');
    expect(current).toHaveLength(5);
    for (const d of current) expect(d.sections.map((x) => x.heading)).toContain('Pregnancy');
  });
});

describe('per-service protocol settings', () => {
  const SETTINGS = (serviceId: string, protocol = 'iv-racemic-psychiatric') =>
    `/api/v1/services/${serviceId}/protocols/${protocol}/settings`;

  it('lists the settings with their defaults and sources, and only an admin may change them', async () => {
    const r = await prescriber.get(SETTINGS(w.serviceA));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ version: null, versions: [] });
    expect(r.body.settings.find((s: { path: string }) => s.path === 'preDose.systolicAbove')).toMatchObject({
      default: 140,
      value: 140,
      unit: 'mmHg',
      certainty: 'secondary',
    });
    const refused = await prescriber.post(SETTINGS(w.serviceA), {
      settings: { 'preDose.systolicAbove': 150 },
      reason: 'Clinic policy',
    });
    expect(refused.status).toBe(403);
  });

  it('refuses an invalid value with 422 naming the field, and a fact, without storing a version', async () => {
    const below = await w.admin.post(SETTINGS(w.serviceA), {
      settings: { 'dose.hardMax': 0.9 },
      reason: 'Try',
    });
    expect(below.status).toBe(422);
    expect(below.body.code).toBe('inconsistent-range');
    expect(below.body.errors[0].path).toBe('body.settings.dose.hardMax');
    const fact = await w.admin.post(SETTINGS(w.serviceA), {
      settings: { 'dose.usualMax': 2 },
      reason: 'Try',
    });
    expect(fact.status).toBe(422);
    expect(fact.body.code).toBe('not-a-setting');
    expect(fact.body.errors[0].path).toBe('body.settings.dose.usualMax');
    const negative = await w.admin.post(SETTINGS(w.serviceA), {
      settings: { 'preDose.systolicAbove': -5 },
      reason: 'Try',
    });
    expect(negative.status).toBe(422);
    expect(negative.body.errors[0].path).toBe('body.settings.preDose.systolicAbove');
    expect((await prescriber.get(SETTINGS(w.serviceA))).body.versions).toEqual([]);
  });

  it('changes a BP threshold and a dose maximum for one service: its dose calculation and session start use them, the other service does not', async () => {
    const set = await w.admin.post(SETTINGS(w.serviceA), {
      settings: { 'preDose.systolicAbove': 150, 'dose.hardMax': 1.2 },
      reason: 'Clinic policy 2026-12',
    });
    expect(set.status).toBe(201);
    expect(set.body.version).toBe(1);

    const a = await prescriber.get(`/api/v1/protocols/iv-racemic-psychiatric?service=${w.serviceA}`);
    expect(a.body.preDose.systolicAbove.value).toBe(150);
    expect(a.body.preDose.systolicAbove.source).toMatch(/^Set by this service \(settings version 1/);
    expect(a.body.serviceSettings).toMatchObject({ version: 1 });
    const b = await prescriber.get(`/api/v1/protocols/iv-racemic-psychiatric?service=${w.serviceB}`);
    expect(b.body.preDose.systolicAbove.value).toBe(140);
    expect(b.body.serviceSettings).toBeNull();
    const shipped = await prescriber.get('/api/v1/protocols/iv-racemic-psychiatric');
    expect(shipped.body.preDose.systolicAbove.value).toBe(140);

    // 1.3 mg/kg with a reason: above service A's 1.2 mg/kg maximum, within the shipped 1.5.
    const patientId = await newPatient();
    const ask = {
      protocol: 'iv-racemic-psychiatric',
      mgPerKg: 1.3,
      durationMin: 60,
      prescriberReason: 'Plan',
    };
    const inA = await prescriber.post('/api/v1/dose-calculations', { ...ask, patientId });
    expect(inA.status).toBe(422);
    expect(inA.body.code).toBe('dose-above-protocol-maximum');
    expect(inA.body.detail).toMatch(/1\.2 mg\/kg/);
    const inAById = await prescriber.post('/api/v1/dose-calculations', {
      ...ask,
      weightKg: 70,
      serviceId: w.serviceA,
    });
    expect(inAById.status).toBe(422);
    const inB = await prescriber.post('/api/v1/dose-calculations', {
      ...ask,
      weightKg: 70,
      serviceId: w.serviceB,
    });
    expect(inB.status).toBe(200);
    const noService = await prescriber.post('/api/v1/dose-calculations', { ...ask, weightKg: 70 });
    expect(noService.status).toBe(200);

    // Session start in service A: a pre-dose 145/85 is under A's 150 and needs no acknowledgement.
    await prescriber.post(`/api/v1/patients/${patientId}/eligibility`, eligibility('iv-racemic'));
    await signConsent(prescriber, patientId, 'The patient');
    const s = await prescriber.post(`/api/v1/patients/${patientId}/treatment-sessions`, {
      protocol: 'iv-racemic-psychiatric',
      setting: 'clinic',
      baseline: {
        takenAt: new Date(Date.now() - 60_000).toISOString(),
        systolic: 145,
        diastolic: 85,
        heartRate: 70,
        spo2: 98,
      },
      dose: { mgPerKg: 0.5, durationMin: 40 },
      escortConfirmed: true,
      fastingConfirmed: true,
      newContraindication: false,
      aclsClinicianId: prescriberId,
    });
    expect(s.status).toBe(201);
  });

  it('keeps every version with who, when and why, returns a value to its default with null, and audits each change', async () => {
    const again = await w.admin.post(SETTINGS(w.serviceA), {
      settings: { 'preDose.systolicAbove': null },
      reason: 'Back to the shipped default',
    });
    expect(again.status).toBe(201);
    expect(again.body.version).toBe(2);
    const r = await prescriber.get(SETTINGS(w.serviceA));
    expect(r.body.version).toBe(2);
    expect(
      r.body.versions.map((v: { version: number; settings: unknown; reason: string }) => [
        v.version,
        v.settings,
        v.reason,
      ]),
    ).toEqual([
      [2, { 'dose.hardMax': 1.2 }, 'Back to the shipped default'],
      [1, { 'preDose.systolicAbove': 150, 'dose.hardMax': 1.2 }, 'Clinic policy 2026-12'],
    ]);
    expect(r.body.versions[0].changedBy.name).toBeTruthy();
    expect(r.body.settings.find((s: { path: string }) => s.path === 'preDose.systolicAbove')).toMatchObject({
      value: 140,
      overridden: false,
    });
    const audit = await w.admin.get('/api/v1/audit?limit=50');
    const changes = audit.body.entries.filter(
      (e: { action: string }) => e.action === 'protocol-settings.change',
    );
    expect(changes).toHaveLength(2);
    expect(changes[0]).toMatchObject({ resourceType: 'ProtocolSettings', outcome: 'success' });
  });

  it('answers 404 for an unknown service or protocol', async () => {
    const unknownService = '00000000-0000-4000-8000-000000000000';
    expect((await prescriber.get(SETTINGS(unknownService))).status).toBe(404);
    expect((await prescriber.get(SETTINGS(w.serviceA, 'nope'))).status).toBe(404);
  });
});
