import { describe, expect, it } from 'vitest';
import { bpCheckpointsDue, bpCheckpointWindow, readingForCheckpoint } from './bp-checkpoint.ts';
import { at, esketamine, ivPsychiatric, vitals } from './test-fixtures.ts';
import { mmHg } from './units.ts';

describe('bpCheckpointsDue', () => {
  it('puts the esketamine 40-minute BP at 40 min after the first device, counting 30–50 min', () => {
    const [due, ...rest] = bpCheckpointsDue(esketamine, at(0));
    expect(rest).toEqual([]);
    expect(due?.dueAt).toEqual(at(40));
    expect(due?.opensAt).toEqual(at(30));
    expect(due?.closesAt).toEqual(at(50));
  });

  it('has no checkpoint for the IV protocol, and none for an invalid dosing time', () => {
    expect(bpCheckpointsDue(ivPsychiatric, at(0))).toEqual([]);
    expect(bpCheckpointsDue(esketamine, new Date('x'))).toEqual([]);
  });

  it('labels the window as a KASPR setting with its source', () => {
    expect(bpCheckpointWindow.before).toMatchObject({ value: 10, basis: 'setting', certainty: 'synthesis' });
    expect(bpCheckpointWindow.after.source).toContain('clinic.md §2');
  });
});

describe('readingForCheckpoint', () => {
  const due = bpCheckpointsDue(esketamine, at(0))[0];
  if (!due) throw new Error('no checkpoint');

  it.each([
    [29, null],
    [30, 30],
    [40, 40],
    [50, 50],
    [51, null],
    [120, null],
  ])('a reading at %i min counts as %s', (minute, expected) => {
    const found = readingForCheckpoint(due, [vitals({}, at(minute))]);
    expect(found === null ? null : (found.takenAt.getTime() - at(0).getTime()) / 60_000).toBe(expected);
  });

  it('takes the reading nearest 40 min, the earlier on a tie', () => {
    expect(readingForCheckpoint(due, [vitals({}, at(31)), vitals({}, at(44))])?.takenAt).toEqual(at(44));
    expect(readingForCheckpoint(due, [vitals({}, at(35)), vitals({}, at(45))])?.takenAt).toEqual(at(35));
  });

  it('ignores a reading without a blood pressure', () => {
    const noBp = { ...vitals({}, at(40)), systolic: mmHg(Number.NaN) };
    expect(readingForCheckpoint(due, [noBp])).toBeNull();
  });
});
