// Incoming AllergyIntolerance, MedicationStatement and MedicationRequest resources as entries of a patient record's
// allergy and medication lists. Pure: gives the entry, or why it is not imported (an allergy no longer active, a
// medication not taken now).
import { ALLERGY_SEVERITIES } from '../../schemas/patient.ts';
import { obj, objects, str, type Json } from '../create/read.ts';

export type Mapped<T> = { value: T } | { skip: string };

const conceptText = (concept: unknown): string | undefined => {
  const c = obj(concept);
  return (
    str(c.text) ??
    objects(c.coding)
      .map((x) => str(x.display))
      .find((d) => d !== undefined)
  );
};
const statusCode = (concept: unknown): string | undefined => str(objects(obj(concept).coding)[0]?.code);

export interface AllergyEntry {
  substance: string | undefined;
  reaction?: string;
  severity: (typeof ALLERGY_SEVERITIES)[number];
}

export function allergyFrom(resource: Json): Mapped<AllergyEntry> {
  const clinical = statusCode(resource.clinicalStatus);
  if (clinical !== undefined && clinical !== 'active')
    return { skip: `the allergy is ${clinical}; KASPR lists active allergies` };
  const verification = statusCode(resource.verificationStatus);
  if (verification === 'refuted' || verification === 'entered-in-error')
    return { skip: `the allergy is ${verification}` };
  const reaction = objects(resource.reaction)[0];
  const manifestations = objects(reaction?.manifestation)
    .map(conceptText)
    .filter((t) => t !== undefined);
  const severity = str(reaction?.severity);
  return {
    value: {
      substance: conceptText(resource.code),
      ...(manifestations.length > 0 ? { reaction: manifestations.join(', ') } : {}),
      severity:
        severity === 'mild' || severity === 'moderate' || severity === 'severe' ? severity : 'unknown',
    },
  };
}

export interface MedicationEntry {
  name: string | undefined;
  dose?: string;
  route?: string;
}

export function medicationFrom(resource: Json): Mapped<MedicationEntry> {
  const status = str(resource.status);
  if (status !== 'active')
    return { skip: `its status is ${status ?? 'missing'}; KASPR lists the medications a patient takes now` };
  if (resource.medicationCodeableConcept === undefined)
    return { skip: 'it names its medication by reference; KASPR reads medicationCodeableConcept' };
  const dosage = objects(resource.dosage ?? resource.dosageInstruction)[0];
  const dose = str(dosage?.text);
  const route = conceptText(dosage?.route);
  return {
    value: {
      name: conceptText(resource.medicationCodeableConcept),
      ...(dose !== undefined ? { dose: dose.slice(0, 100) } : {}),
      ...(route !== undefined ? { route: route.slice(0, 100) } : {}),
    },
  };
}

/** The reference to the patient: `subject` (Observation, MedicationStatement, …) or `patient` (AllergyIntolerance). */
export const patientReferenceOf = (resource: Json): string | undefined =>
  str(obj(resource.subject).reference) ?? str(obj(resource.patient).reference);
