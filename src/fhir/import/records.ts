// Incoming AllergyIntolerance, MedicationStatement and MedicationRequest resources as entries of a patient record's
// allergy and medication lists. Pure: gives the entry, or why it is not imported (an allergy no longer active, a
// medication not taken now).
import { isNoKnownAllergiesEntry } from '../../domain/patient/allergy-status.ts';
import { ALLERGY_SEVERITIES } from '../../schemas/patient.ts';
import { SNOMED } from '../map/common.ts';
import { NO_KNOWN_ALLERGY } from '../map/patient-lists.ts';
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

/**
 * Codes that state "asked: no known allergies" rather than name an allergy: SNOMED CT 716186003 |No known allergy
 * (situation)| (HL7 Switzerland CH Term, CHAllergyIntoleranceValueSet; the code KASPR exports) and 409137002 |No known
 * drug allergy (situation)| (the FHIR R4 example `allergyintolerance-nkda`), and the International Patient Summary's
 * absent/unknown code `no-known-allergies`. KASPR treats "NKDA" as none known, as it does for an NKDA entry typed in.
 */
const NONE_KNOWN_CODES: readonly { system: string; code: string }[] = [
  NO_KNOWN_ALLERGY,
  { system: SNOMED, code: '409137002' },
  { system: 'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips', code: 'no-known-allergies' },
];

/** A stated "no known allergies" (by code, or by a text such as "NKDA" or "No known allergy (situation)"). */
export interface NoneKnownStatement {
  readonly noneKnown: true;
}

const statesNoneKnown = (concept: unknown): boolean => {
  const codings = objects(obj(concept).coding);
  if (codings.some((c) => NONE_KNOWN_CODES.some((k) => k.system === str(c.system) && k.code === str(c.code))))
    return true;
  const text = conceptText(concept);
  return text !== undefined && isNoKnownAllergiesEntry(text.replace(/\s*\(situation\)\s*$/i, ''));
};

export function allergyFrom(resource: Json): Mapped<AllergyEntry | NoneKnownStatement> {
  const clinical = statusCode(resource.clinicalStatus);
  if (clinical !== undefined && clinical !== 'active')
    return { skip: `the allergy is ${clinical}; KASPR lists active allergies` };
  const verification = statusCode(resource.verificationStatus);
  if (verification === 'refuted' || verification === 'entered-in-error')
    return { skip: `the allergy is ${verification}` };
  if (statesNoneKnown(resource.code)) return { value: { noneKnown: true } };
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
