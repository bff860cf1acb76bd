// Code systems, identifier systems and small builders shared by the FHIR R4 mappers (pure: no I/O, no clock).
import { LOINC_SYSTEM } from '../../domain/instruments/fhir-types.ts';
import type { Address, CodeableConcept, ContactPoint, Meta, Quantity, Reference } from '../types.ts';

export const LOINC = LOINC_SYSTEM;
export const UCUM = 'http://unitsofmeasure.org';
export const SNOMED = 'http://snomed.info/sct';
export const THO = 'http://terminology.hl7.org/CodeSystem';
/** KASPR's local canonical base: the one under the Questionnaire export's urls (a placeholder host). */
export const KASPR_BASE = 'https://kaspr.example/fhir';
export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
/** Base-spec (R4 core) StructureDefinitions, for the vital-signs profiles. */
export const BASE_PROFILE = 'http://hl7.org/fhir/StructureDefinition';

/** An ISO 8601 instant in UTC (`…Z`). */
export function instant(d: Date): string {
  return d.toISOString();
}

/** `meta` of a resource version; a Date is written as an instant, a string is taken as one already. */
export function meta(versionId: number | string, lastUpdated: Date | string): Meta {
  return {
    versionId: String(versionId),
    lastUpdated: typeof lastUpdated === 'string' ? lastUpdated : instant(lastUpdated),
  };
}

/** A literal relative reference `Type/id`. */
export function ref(type: string, id: string): Reference {
  return { reference: `${type}/${id}` };
}

/** The text with surrounding blanks removed, or undefined when nothing is left (FHIR forbids ""). */
export function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The object without elements that are undefined, "" or [] (FHIR forbids empty strings and arrays). */
export function prune<T extends object>(value: T): T {
  const kept = Object.entries(value).filter(
    ([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
  );
  return Object.fromEntries(kept) as T;
}

/** An Observation category from the HL7 observation-category CodeSystem. */
export function observationCategory(code: 'vital-signs' | 'survey'): CodeableConcept {
  const display = code === 'vital-signs' ? 'Vital Signs' : 'Survey';
  return { coding: [{ system: `${THO}/observation-category`, code, display }] };
}

/** A UCUM quantity; `unit` is the human-readable unit, `code` the UCUM code. */
export function ucum(value: number, code: string, unit: string = code): Quantity {
  return { value, unit, system: UCUM, code };
}

/** A LOINC CodeableConcept with one coding per code. */
export function loinc(codes: readonly { code: string; display?: string }[], label?: string): CodeableConcept {
  return prune({ coding: codes.map((c) => ({ system: LOINC, ...c })), text: label });
}

/** A one-element telecom list, or [] when the value is blank (so `prune` omits it). */
export function contactPoints(system: 'phone' | 'email', value: string | null | undefined): ContactPoint[] {
  const kept = text(value);
  return kept ? [{ system, value: kept }] : [];
}

/** A one-element address list holding free text, or [] when the text is blank. */
export function addressText(value: string | null | undefined): Address[] {
  const kept = text(value);
  return kept ? [{ text: kept }] : [];
}
