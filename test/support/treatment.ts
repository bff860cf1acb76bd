// Test set-up for the treatment pathway: a signed eligibility, a consent and a started IV session, via the API.
import type { Client } from './server.ts';

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

const CONSENT_DOCUMENTS: Record<string, string> = {
  'iv-racemic': 'consent-iv-racemic',
  'intranasal-esketamine': 'consent-intranasal-esketamine',
};

/** A prescriber signs "eligible" for the route (the client must hold `treatment:prescribe`). */
export async function signEligibility(
  prescriber: Client,
  patientId: string,
  route = 'iv-racemic',
): Promise<void> {
  const r = await prescriber.post(`/api/v1/patients/${patientId}/eligibility`, {
    route,
    checklist: CHECKLIST,
    contraindications: [{ code: 'active-psychosis', present: false, judgement: 'None on history' }],
    decision: 'eligible',
  });
  if (r.status !== 201) throw new Error(`eligibility failed: ${r.text}`);
}

/** The patient's typed consent to the shipped document for the route. */
export async function signConsent(
  clinician: Client,
  patientId: string,
  name: string,
  route = 'iv-racemic',
): Promise<void> {
  const r = await clinician.post(`/api/v1/patients/${patientId}/consents`, {
    route,
    documentId: CONSENT_DOCUMENTS[route],
    documentVersion: '1.0.0',
    signature: { kind: 'typed', name },
  });
  if (r.status !== 201) throw new Error(`consent failed: ${r.text}`);
}

/** Eligibility, consent and a started IV psychiatric session at 0.5 mg/kg over 40 min; returns its id. */
export async function startIvSession(
  prescriber: Client,
  patientId: string,
  aclsClinicianId: string,
): Promise<string> {
  await signEligibility(prescriber, patientId);
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
    aclsClinicianId,
  });
  if (s.status !== 201) throw new Error(`session start failed: ${s.text}`);
  return s.body.id as string;
}
