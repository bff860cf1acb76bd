import { describe, expect, it } from 'vitest';
import { cssrsScreener, score } from './cssrs-screener.ts';
import { resultOf } from './test-fixtures.ts';

describe('C-SSRS screener triage paths (clinic.md §4)', () => {
  it.each([
    ['all no (Q3–5 skipped because Q2 is no)', { '1': 0, '2': 0, '6': 0 }, 'none', []],
    ['Q1 yes only', { '1': 1, '2': 0, '6': 0 }, 'low', []],
    ['Q2 yes, Q3–5 no', { '1': 1, '2': 1, '3': 0, '4': 0, '5': 0, '6': 0 }, 'low', []],
    ['Q3 yes', { '1': 1, '2': 1, '3': 1, '4': 0, '5': 0, '6': 0 }, 'moderate', ['cssrs-moderate']],
    ['Q6 lifetime, not past 3 months', { '1': 0, '2': 0, '6': 1 }, 'moderate', ['cssrs-moderate']],
    ['Q4 yes', { '1': 1, '2': 1, '3': 0, '4': 1, '5': 0, '6': 0 }, 'high', ['cssrs-high']],
    ['Q5 yes', { '1': 1, '2': 1, '3': 0, '4': 0, '5': 1, '6': 0 }, 'high', ['cssrs-high']],
    ['Q6 within the past 3 months', { '1': 0, '2': 0, '6': 2 }, 'high', ['cssrs-high']],
    [
      'Q3 and Q4 yes: only the highest level flags',
      { '1': 1, '2': 1, '3': 1, '4': 1, '5': 0, '6': 1 },
      'high',
      ['cssrs-high'],
    ],
  ])('%s → %s', (_name, answers, triage, flags) => {
    const result = resultOf(score(answers));
    expect(result).toMatchObject({
      triage,
      completeness: 'complete',
      missingItems: [],
      total: null,
      band: null,
    });
    expect(result.flags.map((flag) => flag.code)).toEqual(flags);
  });

  it('gives the moderate flag warning severity and the high flag urgent severity', () => {
    expect(resultOf(score({ '1': 0, '2': 0, '6': 1 })).flags[0]?.severity).toBe('warning');
    expect(resultOf(score({ '1': 0, '2': 0, '6': 2 })).flags[0]?.severity).toBe('urgent');
  });
});

describe('C-SSRS screener missing answers and skip logic', () => {
  it('needs Q3–5 when Q2 is yes', () => {
    const result = resultOf(score({ '1': 1, '2': 1, '6': 0 }));
    expect(result).toMatchObject({ completeness: 'incomplete', missingItems: ['3', '4', '5'] });
    expect(result.triage).toBeUndefined();
  });

  it('needs Q3–5 when Q2 itself is missing, since skipping them cannot be shown', () => {
    expect(resultOf(score({ '1': 0, '6': 0 })).missingItems).toEqual(['2', '3', '4', '5']);
  });

  it('needs Q6 whatever Q2 was', () => {
    expect(resultOf(score({ '1': 0, '2': 0 })).missingItems).toEqual(['6']);
  });

  it('reports high triage and its flag even when other answers are missing (cannot be understated)', () => {
    const result = resultOf(score({ '2': 1, '4': 1 }));
    expect(result.completeness).toBe('incomplete');
    expect(result.triage).toBe('high');
    expect(result.flags.map((flag) => flag.code)).toEqual(['cssrs-high']);
  });

  it('withholds a moderate triage on incomplete answers but still raises its flag', () => {
    const result = resultOf(score({ '6': 1 }));
    expect(result.triage).toBeUndefined();
    expect(result.flags.map((flag) => flag.code)).toEqual(['cssrs-moderate']);
  });

  it('uses a Q3 "yes" given after Q2 "no", and flags the skip-logic inconsistency', () => {
    const result = resultOf(score({ '1': 0, '2': 0, '3': 1, '6': 0 }));
    expect(result.triage).toBe('moderate');
    expect(result.flags).toEqual([
      expect.objectContaining({ code: 'cssrs-moderate' }),
      expect.objectContaining({ code: 'answered-outside-skip-logic', severity: 'info', item: '3' }),
    ]);
  });
});

describe('C-SSRS screener definition', () => {
  it('has six questions, Q6 with three answers, and no total', () => {
    expect(cssrsScreener.items).toHaveLength(6);
    expect(cssrsScreener.items[5]?.options.map((o) => o.score)).toEqual([0, 1, 2]);
    expect(cssrsScreener.totalRange).toBeNull();
    expect(cssrsScreener.items.map((item) => item.askedWhen?.item ?? null)).toEqual([
      null,
      null,
      '2',
      '2',
      '2',
      null,
    ]);
  });

  it('marks the vendor low/moderate mapping as secondary and the high criteria as verified', () => {
    const rules = cssrsScreener.scoring.kind === 'triage' ? cssrsScreener.scoring.rules : [];
    expect(rules.map((rule) => [rule.level, rule.certainty])).toEqual([
      ['low', 'secondary'],
      ['moderate', 'secondary'],
      ['high', 'verified'],
    ]);
  });

  it('ships no text and names the licence holders', () => {
    expect(cssrsScreener.items.every((item) => item.text === undefined)).toBe(true);
    expect(cssrsScreener.licence).toMatchObject({ textShipped: false, textLicensed: false });
    expect(cssrsScreener.licence.holder).toContain('Clario');
    expect(cssrsScreener.loinc.panel).toBeUndefined();
  });
});
