import { describe, expect, it } from 'vitest';
import { madrs, score as scoreMadrs } from './madrs.ts';
import { qidsSr16, score as scoreQids } from './qids-sr16.ts';
import { safetyAlerts } from './safety-alerts.ts';
import {
  DEFAULT_SUICIDE_ITEM_CUTOFFS,
  madrsItem10FlagRules,
  qidsItem12FlagRules,
  type SuicideItemCutoffs,
} from './suicide-item-flags.ts';
import { answersFrom, resultOf } from './test-fixtures.ts';
import { scoreAnswers } from './engine.ts';
import type { ScoreResult } from './types.ts';

const qidsWithItem12 = (value: number) =>
  answersFrom(Array.from({ length: 16 }, (_, i) => (i === 11 ? value : 0)));
const madrsWithItem10 = (value: number) =>
  answersFrom(Array.from({ length: 10 }, (_, i) => (i === 9 ? value : 0)));

const qidsItem12 = (value: number) => resultOf(scoreQids(qidsWithItem12(value)));
const madrsItem10 = (value: number) => resultOf(scoreMadrs(madrsWithItem10(value)));

/** Each case: the item's value and the flags it raises, as [code, severity]. */
type FlagCase = [number, [string, string][]];

describe.each<[string, number, (value: number) => ScoreResult, FlagCase[]]>([
  [
    'QIDS-SR16 item 12 (thoughts of death or suicide)',
    12,
    qidsItem12,
    [
      [0, []],
      [1, [['qids-item12-positive', 'warning']]],
      [2, [['qids-item12-urgent', 'urgent']]],
      [3, [['qids-item12-urgent', 'urgent']]],
    ],
  ],
  [
    'MADRS item 10 (suicidal thoughts)',
    10,
    madrsItem10,
    [
      [0, []],
      [3, []],
      [4, [['madrs-item10-positive', 'urgent']]],
      [5, [['madrs-item10-positive', 'urgent']]],
      [6, [['madrs-item10-positive', 'urgent']]],
    ],
  ],
])('%s', (_title, item, resultAt, cases) => {
  it.each(cases)(`item ${item} = %i raises %j`, (value, expected) => {
    expect(resultAt(value).flags.map((f) => [f.code, f.severity])).toEqual(expected);
  });
});

describe('QIDS-SR16 item 12 alerts', () => {
  it('item 12 = 3 with every other item 0 still raises an urgent alert although the band is "None"', () => {
    const result = qidsItem12(3);
    expect(result.band?.code).toBe('none');
    expect(safetyAlerts(result.flags, 'QIDS-SR16').map((a) => [a.code, a.taskPriority])).toEqual([
      ['qids-item12-urgent', 'urgent'],
    ]);
  });

  it('a warning on item 12 becomes a high-priority alert and task', () => {
    const result = qidsItem12(1);
    expect(safetyAlerts(result.flags, 'QIDS-SR16').map((a) => [a.code, a.taskPriority])).toEqual([
      ['qids-item12-positive', 'high'],
    ]);
  });

  it('fires on item 12 even when other items are missing', () => {
    const result = resultOf(scoreQids({ '12': 2 }));
    expect(result.completeness).toBe('incomplete');
    expect(result.flags.map((f) => f.code)).toEqual(['qids-item12-urgent']);
  });
});

describe('MADRS item 10 alerts', () => {
  it('item 10 = 6 with every other item 0 raises an urgent alert although the band is "Normal / absent"', () => {
    const result = madrsItem10(6);
    expect(result.band?.code).toBe('normal');
    expect(safetyAlerts(result.flags, 'MADRS').map((a) => a.code)).toEqual(['madrs-item10-positive']);
  });
});

describe('suicide-item cut-offs are labelled settings', () => {
  it('ships QIDS item 12 ≥1 warning, ≥2 urgent and MADRS item 10 ≥4, each a convention setting with a source', () => {
    const { qidsItem12Warning, qidsItem12Urgent, madrsItem10Urgent } = DEFAULT_SUICIDE_ITEM_CUTOFFS;
    expect([qidsItem12Warning.value, qidsItem12Urgent.value, madrsItem10Urgent.value]).toEqual([1, 2, 4]);
    for (const rule of [...qidsSr16.flagRules, ...madrs.flagRules]) {
      expect(rule).toMatchObject({ basis: 'setting', certainty: 'convention' });
      expect(rule.source).toMatch(/KASPR convention/);
    }
  });

  it('builds the rules from other cut-offs when a deployment changes the setting', () => {
    const cutoffs: SuicideItemCutoffs = {
      ...DEFAULT_SUICIDE_ITEM_CUTOFFS,
      qidsItem12Urgent: { ...DEFAULT_SUICIDE_ITEM_CUTOFFS.qidsItem12Urgent, value: 3 },
      madrsItem10Urgent: { ...DEFAULT_SUICIDE_ITEM_CUTOFFS.madrsItem10Urgent, value: 2 },
    };
    const qids = { ...qidsSr16, flagRules: qidsItem12FlagRules(cutoffs) };
    const flagsAt = (value: number) =>
      resultOf(scoreAnswers(qids, qidsWithItem12(value))).flags.map((f) => f.code);
    expect([flagsAt(1), flagsAt(2), flagsAt(3)]).toEqual([
      ['qids-item12-positive'],
      ['qids-item12-positive'],
      ['qids-item12-urgent'],
    ]);
    const m = { ...madrs, flagRules: madrsItem10FlagRules(cutoffs) };
    expect(resultOf(scoreAnswers(m, madrsWithItem10(1))).flags).toEqual([]);
    expect(resultOf(scoreAnswers(m, madrsWithItem10(2))).flags.map((f) => f.code)).toEqual([
      'madrs-item10-positive',
    ]);
  });
});
