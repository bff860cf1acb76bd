// The allergy and medication lists of a patient record (current version) as FHIR R4 AllergyIntolerance and
// MedicationStatement resources, one per list entry, with ids `<patientId>-allergy-<n>` / `-medication-<n>`.
import type { PatientRecord } from '../../schemas/patient.ts';
import type { AllergyIntolerance, AllergyIntoleranceReaction, MedicationStatement } from './records-types.ts';
import { meta, prune, ref, SNOMED, text, THO } from './common.ts';

export const ALLERGY_CLINICAL_SYSTEM = `${THO}/allergyintolerance-clinical`;

/** Said of a reaction whose severity is recorded but whose signs are not (R4 needs a manifestation). */
export const REACTION_NOT_RECORDED = 'Reaction not recorded';

type Allergy = PatientRecord['allergies'][number];
type Medication = PatientRecord['medications'][number];

/** The reaction, when KASPR records its signs or a known severity (KASPR `unknown` severity is left out). */
function reactionOf(allergy: Allergy): AllergyIntoleranceReaction[] {
  const signs = text(allergy.reaction);
  const severity = allergy.severity === 'unknown' ? undefined : allergy.severity;
  if (!signs && !severity) return [];
  return [prune({ manifestation: [{ text: signs ?? REACTION_NOT_RECORDED }], severity })];
}

function allergyOf(record: PatientRecord, allergy: Allergy, n: number): AllergyIntolerance {
  return prune<AllergyIntolerance>({
    resourceType: 'AllergyIntolerance',
    id: `${record.id}-allergy-${n}`,
    meta: meta(record.version, record.updatedAt),
    clinicalStatus: { coding: [{ system: ALLERGY_CLINICAL_SYSTEM, code: 'active', display: 'Active' }] },
    code: { text: allergy.substance.trim() },
    patient: ref('Patient', record.id),
    recorder: ref('Practitioner', record.updatedBy),
    reaction: reactionOf(allergy),
  });
}

/** SNOMED CT 716186003 |No known allergy (situation)|: the usual coded form of a stated "none known". */
export const NO_KNOWN_ALLERGY = { system: SNOMED, code: '716186003', display: 'No known allergy' } as const;

/** A stated "no known allergies" as the one AllergyIntolerance of the record, by whoever stated it and when. */
function noKnownAllergyOf(record: PatientRecord): AllergyIntolerance {
  const stated = record.allergyStatusRecorded;
  return prune<AllergyIntolerance>({
    resourceType: 'AllergyIntolerance',
    id: `${record.id}-allergy-1`,
    meta: meta(record.version, record.updatedAt),
    clinicalStatus: { coding: [{ system: ALLERGY_CLINICAL_SYSTEM, code: 'active', display: 'Active' }] },
    code: { coding: [{ ...NO_KNOWN_ALLERGY }], text: NO_KNOWN_ALLERGY.display },
    patient: ref('Patient', record.id),
    recordedDate: stated?.recordedAt,
    recorder: ref('Practitioner', stated?.recordedBy.id ?? record.updatedBy),
  });
}

/**
 * One AllergyIntolerance per recorded allergy, numbered from 1 in the record's order. A record whose allergy status
 * states none known (and lists none) maps to the one "no known allergy" resource; an empty list with no such
 * statement means nobody asked, and maps to no resources.
 */
export function patientAllergies(record: PatientRecord): AllergyIntolerance[] {
  if (record.allergies.length === 0 && record.allergyStatus === 'none-known')
    return [noKnownAllergyOf(record)];
  return record.allergies.map((a, i) => allergyOf(record, a, i + 1));
}

function medicationOf(record: PatientRecord, medication: Medication, n: number): MedicationStatement {
  const route = text(medication.route);
  const dosageText = [medication.dose, medication.route, medication.frequency]
    .map(text)
    .filter((t): t is string => t !== undefined)
    .join(', ');
  const dosage = prune({ text: text(dosageText), route: route ? { text: route } : undefined });
  return prune<MedicationStatement>({
    resourceType: 'MedicationStatement',
    id: `${record.id}-medication-${n}`,
    meta: meta(record.version, record.updatedAt),
    status: 'active',
    medicationCodeableConcept: { text: medication.name.trim() },
    subject: ref('Patient', record.id),
    dateAsserted: record.updatedAt,
    informationSource: ref('Practitioner', record.updatedBy),
    dosage: Object.keys(dosage).length > 0 ? [dosage] : [],
  });
}

/** One MedicationStatement per medication on the record, numbered from 1 in the record's order. */
export function patientMedications(record: PatientRecord): MedicationStatement[] {
  return record.medications.map((m, i) => medicationOf(record, m, i + 1));
}
