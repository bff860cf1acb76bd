import { describe, expect, it } from 'vitest';
import { scoreAnswers } from './engine.ts';
import { fromFhirQuestionnaire, toFhirQuestionnaire } from './fhir-questionnaire.ts';
import { instruments } from './registry.ts';
import { cssrsScreener } from './cssrs-screener.ts';
import { phq9 } from './phq-9.ts';
import { sds } from './sds.ts';
import { answersFrom, resultOf } from './test-fixtures.ts';
import type { InstrumentDefinition, Outcome } from './types.ts';

const ORDINAL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';

function definitionOf(outcome: Outcome<InstrumentDefinition>): InstrumentDefinition {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.value;
}

function problemsOf(outcome: Outcome<InstrumentDefinition>): [string, string][] {
  return outcome.ok ? [] : outcome.problems.map((p) => [p.code, p.path]);
}

interface EditableItem {
  linkId: string;
  text: string;
  type: string;
  answerOption: { valueCoding: { code: string; display?: string } }[];
}

/** A deep, mutable copy of an exported Questionnaire, to tamper with in tests. */
function exported(def: InstrumentDefinition): { item: EditableItem[] } {
  return JSON.parse(JSON.stringify(toFhirQuestionnaire(def))) as { item: EditableItem[] };
}

describe('toFhirQuestionnaire', () => {
  it('exports PHQ-9 with its LOINC panel, text, answer codings and ordinal values', () => {
    const q = toFhirQuestionnaire(phq9);
    expect(q).toMatchObject({
      resourceType: 'Questionnaire',
      id: 'phq-9',
      url: 'https://kaspr.example/fhir/Questionnaire/phq-9',
      version: '1.1.0',
      name: 'Phq9',
      title: 'Patient Health Questionnaire-9',
      status: 'active',
      code: [{ system: 'http://loinc.org', code: '44249-1' }],
    });
    expect(q.item.map((item) => item.linkId)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(q.item[0]).toMatchObject({
      text: 'Little interest or pleasure in doing things',
      type: 'choice',
      required: true,
      code: [{ system: 'http://loinc.org', code: '44250-9' }],
    });
    expect(q.item[0]?.answerOption[3]).toEqual({
      valueCoding: {
        system: 'https://kaspr.example/fhir/CodeSystem/phq-9-answers',
        code: '3',
        display: 'Nearly every day',
      },
      extension: [{ url: ORDINAL, valueDecimal: 3 }],
    });
    expect(q.item[9]?.required).toBe(false);
    expect(q.copyright).toContain('Pfizer');
  });

  it('exports the neutral label, never licensed text, for SDS', () => {
    const q = toFhirQuestionnaire(sds);
    expect(q.item[0]?.text).toBe('Item 1');
    expect(q.item[0]?.answerOption[0]?.valueCoding).toEqual({
      system: 'https://kaspr.example/fhir/CodeSystem/sds-answers',
      code: '0',
    });
    expect(q.code).toBeUndefined();
  });

  it('exports the C-SSRS skip logic as enableWhen on items 3–5', () => {
    const q = toFhirQuestionnaire(cssrsScreener);
    expect(q.item[2]?.enableWhen).toEqual([
      {
        question: '2',
        operator: '=',
        answerCoding: { system: 'https://kaspr.example/fhir/CodeSystem/cssrs-screener-answers', code: '1' },
      },
    ]);
    expect(q.item[5]?.enableWhen).toBeUndefined();
    expect(q.name).toBe('CssrsScreener');
  });

  it.each(instruments.map((def) => [def.id, def] as const))('round-trips %s unchanged', (_id, def) => {
    expect(definitionOf(fromFhirQuestionnaire(toFhirQuestionnaire(def)))).toEqual(def);
  });
});

describe("fromFhirQuestionnaire with a shipped id: attaches the service's licensed text", () => {
  it('adds text and answer labels to SDS without changing how it scores', () => {
    const q = exported(sds);
    q.item.forEach((item, i) => {
      item.text = `Licensed wording ${String(i + 1)}`;
      for (const option of item.answerOption)
        if (option.valueCoding.code === '0') option.valueCoding.display = 'Never';
    });
    const def = definitionOf(fromFhirQuestionnaire(q));
    expect(def.items.map((item) => item.text)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `Licensed wording ${String(n)}`),
    );
    expect(def.items[0]?.options[0]).toEqual({ score: 0, label: 'Never' });
    expect(def.licence).toMatchObject({ textShipped: false, textLicensed: true });
    expect(def.scoring).toBe(sds.scoring);
    const answers = answersFrom([1, 2, 3, 0, 1]);
    expect(resultOf(scoreAnswers(def, answers))).toEqual(resultOf(scoreAnswers(sds, answers)));
  });

  it('rejects an extra item, a missing item and different answer scores', () => {
    const extra = exported(sds);
    extra.item.push({
      linkId: '6',
      text: 'Item 6',
      type: 'choice',
      answerOption: [{ valueCoding: { code: '0' } }],
    });
    expect(problemsOf(fromFhirQuestionnaire(extra))).toEqual([['item-mismatch', 'item[5].linkId']]);

    const missing = exported(sds);
    missing.item.pop();
    expect(problemsOf(fromFhirQuestionnaire(missing))).toEqual([['item-mismatch', 'item']]);

    const rescored = exported(sds);
    rescored.item[0]?.answerOption.push({ valueCoding: { code: '4' } });
    expect(problemsOf(fromFhirQuestionnaire(rescored))).toEqual([['item-mismatch', 'item[0].answerOption']]);
  });
});

describe('fromFhirQuestionnaire with an unknown id: a plain summed, non-validated definition', () => {
  const local = {
    resourceType: 'Questionnaire',
    id: 'local-sleep-3',
    version: '2',
    title: 'Local sleep questions',
    publisher: 'Example clinic',
    code: [{ system: 'http://loinc.org', code: '00000-0' }],
    item: [
      {
        linkId: 'a',
        text: 'First',
        type: 'choice',
        answerOption: [
          { valueCoding: { code: 'no', display: 'No' }, extension: [{ url: ORDINAL, valueDecimal: 0 }] },
          { valueCoding: { code: 'yes', display: 'Yes', extension: [{ url: ORDINAL, valueInteger: 2 }] } },
        ],
      },
      {
        linkId: 'b',
        type: 'choice',
        answerOption: [{ valueCoding: { code: '0' } }, { valueCoding: { code: '3' } }],
      },
      {
        linkId: 'c',
        type: 'choice',
        enableWhen: [{ question: 'b', operator: '=', answerCoding: { code: '3' } }],
        answerOption: [{ valueCoding: { code: '0' } }, { valueCoding: { code: '1' } }],
      },
    ],
  };

  it('imports items, ordinal scores (on the option, the coding, or an integer code) and skip logic', () => {
    const def = definitionOf(fromFhirQuestionnaire(local));
    expect(def).toMatchObject({
      id: 'local-sleep-3',
      version: '2',
      title: 'Local sleep questions',
      scoring: { kind: 'sum' },
      totalRange: { min: 0, max: 6 },
      bands: [],
      flagRules: [],
      response: null,
      remission: null,
      validated: false,
      loinc: { panel: '00000-0' },
    });
    expect(def.licence.holder).toBe('Example clinic');
    expect(def.items[0]).toMatchObject({
      number: 'a',
      text: 'First',
      options: [
        { score: 0, label: 'No' },
        { score: 2, label: 'Yes' },
      ],
    });
    expect(def.items[2]?.askedWhen).toMatchObject({ item: 'b', scoreIn: [3] });
  });

  it('scores the imported definition as a sum, honouring its skip logic', () => {
    const def = definitionOf(fromFhirQuestionnaire(local));
    expect(resultOf(scoreAnswers(def, { a: 2, b: 0 }))).toMatchObject({ total: 2, completeness: 'complete' });
    expect(resultOf(scoreAnswers(def, { a: 2, b: 3 }))).toMatchObject({ total: null, missingItems: ['c'] });
    expect(resultOf(scoreAnswers(def, { a: 2, b: 3, c: 1 })).total).toBe(6);
  });

  it('rejects skip logic it cannot represent', () => {
    const greaterThan = [{ question: 'b', operator: '>', answerCoding: { code: '1' } }];
    const q = {
      ...local,
      item: local.item.map((item) => (item.linkId === 'c' ? { ...item, enableWhen: greaterThan } : item)),
    };
    expect(problemsOf(fromFhirQuestionnaire(q))).toEqual([['unsupported-item', 'item[2].enableWhen']]);
  });
});

describe('fromFhirQuestionnaire problems', () => {
  it.each([
    ['not an object', 'nonsense', ['resourceType', 'id', 'item']],
    ['another resource', { resourceType: 'Patient', id: 'x', item: [] }, ['resourceType', 'item']],
    [
      'a bad id',
      {
        resourceType: 'Questionnaire',
        id: 'has space',
        item: [{ linkId: '1', type: 'choice', answerOption: [{ valueCoding: { code: '0' } }] }],
      },
      ['id'],
    ],
  ])('%s', (_name, json, paths) => {
    const outcome = fromFhirQuestionnaire(json);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems.map((p) => p.path)).toEqual(paths);
  });

  it('reports unsupported items, missing ordinals, duplicate scores and duplicate linkIds by path', () => {
    const outcome = fromFhirQuestionnaire({
      resourceType: 'Questionnaire',
      id: 'broken',
      item: [
        { linkId: '1', type: 'string' },
        { linkId: '2', type: 'choice', answerOption: [{ valueCoding: { code: 'x' } }] },
        {
          linkId: '3',
          type: 'choice',
          answerOption: [{ valueCoding: { code: '1' } }, { valueCoding: { code: '1' } }],
        },
        { linkId: '3', type: 'choice', answerOption: [{ valueCoding: { code: '0' } }] },
        { linkId: '5', type: 'choice' },
      ],
    });
    expect(problemsOf(outcome)).toEqual([
      ['unsupported-item', 'item[0].type'],
      ['invalid-questionnaire', 'item[1].answerOption[0]'],
      ['invalid-questionnaire', 'item[2].answerOption[1]'],
      ['invalid-questionnaire', 'item[3].linkId'],
      ['invalid-questionnaire', 'item[4].answerOption'],
    ]);
  });
});
