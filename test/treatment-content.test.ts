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
