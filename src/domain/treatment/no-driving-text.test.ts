import { describe, expect, it } from 'vitest';
import { noDrivingShort, noDrivingText } from './no-driving-text.ts';

describe('the no-driving instruction on a discharge summary', () => {
  it('prints 12 h after a UK summer discharge in BST, not an hour short in UTC', () => {
    const end = new Date('2026-07-05T12:49:00Z');
    const until = new Date('2026-07-06T00:49:00Z');
    expect(noDrivingText('hours-after-end', until, end, 'Europe/London')).toBe(
      'Do not drive, operate machinery or sign legal documents before 06 Jul 2026, 01:49 BST.',
    );
  });

  it('prints GMT in winter', () => {
    const until = new Date('2026-12-06T00:49:00Z');
    expect(noDrivingText('hours-after-end', until, until, 'Europe/London')).toContain(
      '06 Dec 2026, 00:49 GMT',
    );
  });

  it('says "not before tomorrow, after a night\'s sleep" with the date for the Spravato next-day rule', () => {
    const end = new Date('2026-07-05T22:30:00Z'); // 23:30 BST on 5 July
    const text = noDrivingText(
      'next-day-after-sleep',
      new Date('2026-07-05T23:00:00Z'),
      end,
      'Europe/London',
    );
    expect(text).toContain("Not before tomorrow (06 Jul 2026), after a night's sleep.");
    expect(text).not.toMatch(/\d\d:\d\d/);
  });

  it('takes tomorrow on the local calendar when UTC is still on the day before', () => {
    const end = new Date('2026-07-05T23:30:00Z'); // 00:30 BST on 6 July
    expect(noDrivingText('next-day-after-sleep', end, end, 'Europe/London')).toContain('(07 Jul 2026)');
  });
});

describe('the no-driving line on the timeline', () => {
  it('gives the local time with the zone, or the next-day wording', () => {
    const until = new Date('2026-07-06T00:49:00Z');
    expect(noDrivingShort('hours-after-end', until, 'Europe/London')).toBe(
      'no driving before 06 Jul 2026, 01:49 BST',
    );
    expect(noDrivingShort('next-day-after-sleep', until, 'Europe/London')).toBe(
      "no driving until after a night's sleep (not before 06 Jul 2026)",
    );
  });
});
