import { describe, expect, it } from 'vitest';
import { outcomeInstrumentsFor, questionnairesDue } from './outcome-schedule.ts';

describe('outcomeInstrumentsFor', () => {
  it('chooses PHQ-9 for depression, GAD-7 for anxiety, PCL-5 for PTSD, and the urinary checklist for all', () => {
    expect(outcomeInstrumentsFor('unipolar-major-depression')).toEqual([
      'phq-9',
      'ketamine-urinary-checklist',
    ]);
    expect(outcomeInstrumentsFor('anxiety-disorder')).toEqual(['gad-7', 'ketamine-urinary-checklist']);
    expect(outcomeInstrumentsFor('ptsd')).toEqual(['pcl-5', 'phq-9', 'ketamine-urinary-checklist']);
    expect(outcomeInstrumentsFor('chronic-pain')).toEqual(['ketamine-urinary-checklist']);
  });
});

describe('questionnairesDue', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  it('is due when never done, or done more than 7 days ago; not due at exactly 7 days', () => {
    const last = new Map([
      ['phq-9', new Date('2026-11-15T12:00:00Z')],
      ['gad-7', new Date('2026-11-15T11:59:59Z')],
    ]);
    expect(questionnairesDue(['phq-9', 'gad-7', 'pcl-5'], last, now).map((d) => d.due)).toEqual([
      false,
      true,
      true,
    ]);
  });
});
