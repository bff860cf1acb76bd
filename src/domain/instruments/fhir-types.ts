// Minimal FHIR R4 Questionnaire shapes used by the export and import (only the fields KASPR reads or writes).

export const LOINC_SYSTEM = 'http://loinc.org';
export const ORDINAL_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
export const QUESTIONNAIRE_BASE = 'https://kaspr.example/fhir/Questionnaire/';
export const ANSWER_SYSTEM_BASE = 'https://kaspr.example/fhir/CodeSystem/';

export interface FhirExtension {
  readonly url: string;
  readonly valueDecimal?: number;
  readonly valueInteger?: number;
}

export interface FhirCoding {
  readonly system?: string;
  readonly code?: string;
  readonly display?: string;
  readonly extension?: readonly FhirExtension[];
}

export interface FhirAnswerOption {
  readonly valueCoding: FhirCoding;
  readonly extension?: readonly FhirExtension[];
}

export interface FhirEnableWhen {
  readonly question: string;
  readonly operator: '=';
  readonly answerCoding: FhirCoding;
}

export interface FhirQuestionnaireItem {
  readonly linkId: string;
  readonly text: string;
  readonly type: 'choice';
  readonly required: boolean;
  readonly code?: readonly FhirCoding[];
  readonly enableWhen?: readonly FhirEnableWhen[];
  readonly enableBehavior?: 'any';
  readonly answerOption: readonly FhirAnswerOption[];
}

export interface FhirQuestionnaire {
  readonly resourceType: 'Questionnaire';
  readonly id: string;
  readonly url: string;
  readonly version: string;
  readonly name: string;
  readonly title: string;
  readonly status: 'active';
  readonly copyright: string;
  readonly code?: readonly FhirCoding[];
  readonly item: readonly FhirQuestionnaireItem[];
}

/** The answer CodeSystem url for an instrument id. */
export function answerSystem(id: string): string {
  return `${ANSWER_SYSTEM_BASE}${id}-answers`;
}
