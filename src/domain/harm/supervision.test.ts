import { describe, expect, it } from 'vitest';
import { reassessmentNotice } from './reassessment-notices.ts';
import {
  decisionSupervisionEntries,
  isReviewOverdue,
  overdueReviewEntry,
  type DecisionForSupervision,
} from './supervision.ts';

const decision = (over: Partial<DecisionForSupervision> = {}): DecisionForSupervision => ({
  overridden: false,
  proposedLevel: 2,
  confirmedLevel: 2,
  previousLevel: null,
  reason: null,
  decidedBy: 'Alice North',
  ...over,
});

describe('decisionSupervisionEntries', () => {
  it('lists nothing for an accepted level below 4 with no rise', () => {
    expect(decisionSupervisionEntries(decision())).toEqual([]);
    expect(decisionSupervisionEntries(decision({ confirmedLevel: 3, proposedLevel: 3 }))).toEqual([]);
  });

  it('lists every override with who, the two levels and the reason', () => {
    expect(
      decisionSupervisionEntries(decision({ overridden: true, confirmedLevel: 3, reason: 'Family report' })),
    ).toEqual([{ kind: 'override', summary: 'Alice North set level 3 (proposed 2): Family report' }]);
  });

  it.each([
    [3, []],
    [4, ['level-4']],
  ])('accepted level %i → %j', (level, kinds) => {
    const d = decision({ confirmedLevel: level as 3 | 4, proposedLevel: level as 3 | 4 });
    expect(decisionSupervisionEntries(d).map((e) => e.kind)).toEqual(kinds);
  });

  it('lists an override to level 4 once, as an override', () => {
    const d = decision({ overridden: true, confirmedLevel: 4, reason: 'x' });
    expect(decisionSupervisionEntries(d).map((e) => e.kind)).toEqual(['override']);
  });

  it.each([
    [null, 3, []],
    [2, 2, []],
    [3, 2, []],
    [2, 3, ['level-rose']],
    [1, 4, ['level-4', 'level-rose']],
  ])('previous level %s, confirmed %i → %j', (previousLevel, confirmedLevel, kinds) => {
    const d = decision({
      previousLevel: previousLevel as 1 | 2 | 3 | null,
      confirmedLevel: confirmedLevel as 2 | 3 | 4,
      proposedLevel: confirmedLevel as 2 | 3 | 4,
    });
    expect(decisionSupervisionEntries(d).map((e) => e.kind)).toEqual(kinds);
  });

  it('summarises a rise with both levels', () => {
    const d = decision({ previousLevel: 1, confirmedLevel: 2 });
    expect(decisionSupervisionEntries(d)).toEqual([
      { kind: 'level-rose', summary: 'Level rose from 1 to 2' },
    ]);
  });
});

describe('overdue reviews', () => {
  it.each([
    ['2026-12-04', true],
    ['2026-12-05', false],
    ['2026-12-06', false],
  ])('due %s, today 2026-12-05 → overdue: %s', (reviewDue, overdue) => {
    expect(isReviewOverdue(reviewDue, '2026-12-05')).toBe(overdue);
    expect(overdueReviewEntry({ reviewDue, level: 3 }, '2026-12-05')).toEqual(
      overdue ? { kind: 'overdue-review', summary: `Review was due ${reviewDue} (level 3)` } : null,
    );
  });
});

describe('reassessmentNotice: severity of re-assessment alerts', () => {
  /** The alert part of a notice: its code, severity, task priority and text. */
  const alert = (code: string, severity: string, taskPriority: string, text: string) => ({
    code,
    severity,
    taskPriority,
    text,
  });

  it('makes a new sentinel symptom a warning with a high-priority task', () => {
    expect(reassessmentNotice({ code: 'new-symptom', symptom: 'dysuria' })).toEqual({
      ...alert(
        'harm-new-symptom',
        'warning',
        'high',
        'New sentinel symptom since last assessment: Pain passing urine (dysuria)',
      ),
      taskTitle: 'Re-assessment: New sentinel symptom since last assessment: Pain passing urine (dysuria)',
      taskDetail: 'Review the change and the care plan.',
    });
  });

  it('makes a new red flag urgent', () => {
    expect(reassessmentNotice({ code: 'new-red-flag', redFlag: 'visible-haematuria' })).toMatchObject(
      alert('harm-new-red-flag', 'urgent', 'urgent', 'New red flag: Visible haematuria (blood in urine)'),
    );
  });

  it.each([
    [1, 2],
    [3, 4],
  ])('makes a rise from %i to %i urgent', (from, to) => {
    expect(reassessmentNotice({ code: 'level-rose', from: from as 1 | 3, to: to as 2 | 4 })).toMatchObject(
      alert('harm-level-rose', 'urgent', 'urgent', `Level of need rose from ${from} to ${to}`),
    );
  });
});
