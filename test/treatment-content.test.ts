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
