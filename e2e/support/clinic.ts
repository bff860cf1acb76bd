// Shared set-up for browser tests of the treatment pathway: the first-run clinic and the session-start form.
import type { Locator } from 'playwright-core';
import type { Client } from '../../test/support/server.ts';

export const PRESCRIBER = { email: 'rx@clinic.test', password: 'a long prescriber phrase' };
export const NURSE = { email: 'nurse@clinic.test', password: 'a long nurse pass phrase' };

/** First run through the API: the prescriber is the first administrator of "Infusion Clinic" and holds ACLS. */
export async function setUpInfusionClinic(api: Client): Promise<{ prescriberId: string; serviceId: string }> {
  const setup = await api.post('/api/v1/setup', {
    ...PRESCRIBER,
    displayName: 'Rae Prescriber',
    serviceName: 'Infusion Clinic',
    clinicalRole: 'prescriber',
  });
  if (setup.status !== 201) throw new Error(`setup failed: ${setup.text}`);
  const prescriberId = setup.body.user.id as string;
  await api.post(`/api/v1/users/${prescriberId}/credentials`, { kind: 'ACLS', expiresOn: '2099-01-01' });
  return { prescriberId, serviceId: setup.body.user.serviceIds[0] as string };
}

/** Adds Nadia Nurse (NURSE) to the service through the API. */
export async function addNurse(api: Client, serviceId: string): Promise<void> {
  const nurse = await api.post('/api/v1/users', {
    ...NURSE,
    displayName: 'Nadia Nurse',
    roles: ['nurse'],
    serviceIds: [serviceId],
  });
  if (nurse.status !== 201) throw new Error(`nurse not created: ${nurse.text}`);
}

/** Fills "Start a session" for IV racemic ketamine: a normal baseline and 0.5 mg/kg over 40 minutes. */
export async function fillIvSessionStart(form: Locator): Promise<void> {
  await form.getByLabel('Protocol').selectOption({ label: 'IV racemic ketamine — psychiatric indications' });
  const fields: [string, string][] = [
    ['Baseline systolic', '120'],
    ['Baseline diastolic', '80'],
    ['Baseline heart rate', '70'],
    ['Baseline SpO2', '98'],
    ['Dose (mg/kg)', '0.5'],
    ['Duration (minutes)', '40'],
  ];
  for (const [label, value] of fields) await form.getByLabel(label).fill(value);
}
