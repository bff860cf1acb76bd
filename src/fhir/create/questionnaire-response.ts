// An incoming QuestionnaireResponse to a KASPR questionnaire as the native save-response request: the instrument
// from its canonical, the answers' scores from `valueCoding.code` or `valueInteger`, `authored` as completedAt. Pure.
import { QUESTIONNAIRE_BASE } from '../../domain/instruments/fhir-types.ts';
import { obj, objects, referencedId, str, type Json } from './read.ts';
import { notKept } from './refusal.ts';

export interface ResponseRequest {
  patientId: string | undefined;
  instrument: string;
  /** The version the canonical names (`|version`), if any. */
  version: string | undefined;
  answers: Record<string, number | null>;
  completedAt: string | undefined;
  pathOf: (field: string) => string;
}

/** An answer's score: a coding whose code is a whole number, or an integer; null when it has neither. */
function scoreOf(answer: Json): number | null {
  if (typeof answer.valueInteger === 'number') return answer.valueInteger;
  const code = str(obj(answer.valueCoding).code);
  return code !== undefined && /^-?\d{1,4}$/.test(code) ? Number(code) : null;
}

export function responseRequest(resource: Json): ResponseRequest {
  const canonical = str(resource.questionnaire) ?? '';
  const [url, version] = canonical.split('|');
  if (!url?.startsWith(QUESTIONNAIRE_BASE) || url.length === QUESTIONNAIRE_BASE.length)
    throw notKept(
      `The questionnaire must be a KASPR questionnaire (${QUESTIONNAIRE_BASE}<id>, with or without |version).`,
      'QuestionnaireResponse.questionnaire',
    );
  if (resource.status !== 'completed')
    throw notKept('Only a completed response is scored and kept.', 'QuestionnaireResponse.status');
  const items = objects(resource.item);
  const answers: Record<string, number | null> = {};
  for (const item of items) {
    const linkId = str(item.linkId);
    const answer = objects(item.answer)[0];
    if (linkId !== undefined) answers[linkId] = answer ? scoreOf(answer) : null;
  }
  return {
    patientId: referencedId(resource.subject, 'Patient'),
    instrument: url.slice(QUESTIONNAIRE_BASE.length),
    version: version || undefined,
    answers,
    completedAt: str(resource.authored),
    pathOf: (field) => {
      const linkId = /^answers\.(.+)$/.exec(field)?.[1];
      const at = linkId === undefined ? -1 : items.findIndex((i) => i.linkId === linkId);
      if (at >= 0) return `QuestionnaireResponse.item[${at}].answer[0]`;
      if (field === 'completedAt') return 'QuestionnaireResponse.authored';
      return 'QuestionnaireResponse.item';
    },
  };
}
