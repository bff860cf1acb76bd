import { describe, expect, it } from 'vitest';
import { scoreAnswers } from './engine.ts';
import { fromFhirQuestionnaire, toFhirQuestionnaire } from './fhir-questionnaire.ts';
import { qidsSr16 } from './qids-sr16.ts';
import { answersFrom, resultOf } from './test-fixtures.ts';
import { applyTextOverlay, isTextOverlay, textOverlayOf } from './text-overlay.ts';
import type { InstrumentDefinition } from './types.ts';

/** QIDS-SR16 with the service's wording on every item, as an import produces it. */
function qidsWithText(base: InstrumentDefinition = qidsSr16): InstrumentDefinition {
  const q = JSON.parse(JSON.stringify(toFhirQuestionnaire(base))) as {
    title?: string;
    copyright?: string;
    item: { text?: string; answerOption: { valueCoding: { code: string; display?: string } }[] }[];
  };
  q.title = 'QIDS-SR16 (clinic copy)';
  q.copyright = 'Licensed to Example Clinic';
  q.item.forEach((item, i) => {
    item.text = `Licensed wording ${String(i + 1)}`;
    for (const option of item.answerOption)
      if (option.valueCoding.code === '0') option.valueCoding.display = 'None';
  });
  const outcome = fromFhirQuestionnaire(q, [base]);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.value;
}

/** The QIDS-SR16 definition as an earlier release shipped it: no suicide-item flag, every item required. */
const olderQids: InstrumentDefinition = {
  ...qidsSr16,
  version: '1.0.0',
  flagRules: [],
  oneOfGroups: [],
};

describe('text overlay of a shipped instrument', () => {
  it('keeps only the text: title, copyright, item wording and answer labels', () => {
    const overlay = textOverlayOf(qidsWithText(), qidsSr16);
    expect(isTextOverlay(overlay)).toBe(true);
    expect(overlay).toMatchObject({
      kind: 'text-overlay',
      id: 'qids-sr16',
      title: 'QIDS-SR16 (clinic copy)',
      copyright: 'Licensed to Example Clinic',
    });
    expect(overlay.items).toHaveLength(16);
    expect(overlay.items[11]).toEqual({
      number: '12',
      text: 'Licensed wording 12',
      optionLabels: [{ score: 0, label: 'None' }],
    });
    expect(JSON.stringify(overlay)).not.toMatch(/flagRules|scoring|bands/);
  });

  it('text imported under an older definition scores with the current rules (QIDS item 12 flag fires)', () => {
    const importedThen = qidsWithText(olderQids);
    const answers = answersFrom(Array.from({ length: 16 }, (_, i) => (i === 11 ? 3 : 0)));
    expect(resultOf(scoreAnswers(importedThen, answers)).flags).toEqual([]);

    const now = applyTextOverlay(qidsSr16, textOverlayOf(importedThen, olderQids));
    expect(now.version).toBe(qidsSr16.version);
    expect(now.items[11]?.text).toBe('Licensed wording 12');
    expect(now.title).toBe('QIDS-SR16 (clinic copy)');
    expect(now.licence).toMatchObject({ textLicensed: true, serviceCopyright: 'Licensed to Example Clinic' });
    expect(resultOf(scoreAnswers(now, answers)).flags.map((f) => f.code)).toEqual(['qids-item12-urgent']);
    // The one-of groups added later apply too.
    const printed = answersFrom(Array.from({ length: 16 }, () => 1));
    delete printed['7'];
    expect(resultOf(scoreAnswers(now, printed)).completeness).toBe('complete');
  });

  it('a whole definition stored by an earlier release gives up its text only', () => {
    const legacy = qidsWithText(olderQids);
    const now = applyTextOverlay(qidsSr16, textOverlayOf(legacy, qidsSr16));
    expect(now.flagRules).toBe(qidsSr16.flagRules);
    expect(now.scoring).toBe(qidsSr16.scoring);
    expect(now.items.map((i) => i.text)).toEqual(legacy.items.map((i) => i.text));
  });

  it('re-importing our own export changes nothing, and an empty overlay leaves the definition as is', () => {
    const outcome = fromFhirQuestionnaire(toFhirQuestionnaire(qidsSr16));
    expect(outcome.ok && outcome.value).toBe(qidsSr16);
    const overlay = textOverlayOf(qidsSr16, qidsSr16);
    expect(overlay.items).toEqual([]);
    expect(applyTextOverlay(qidsSr16, overlay)).toBe(qidsSr16);
  });

  it('ignores an overlay for another instrument, and items or scores the definition no longer has', () => {
    expect(applyTextOverlay(qidsSr16, { kind: 'text-overlay', id: 'madrs', items: [] })).toBe(qidsSr16);
    const def = applyTextOverlay(qidsSr16, {
      kind: 'text-overlay',
      id: 'qids-sr16',
      items: [
        { number: '99', text: 'gone', optionLabels: [] },
        { number: '1', optionLabels: [{ score: 9, label: 'gone' }] },
      ],
    });
    expect(def.items).toHaveLength(16);
    expect(def.items[0]?.options).toEqual(qidsSr16.items[0]?.options);
  });
});
