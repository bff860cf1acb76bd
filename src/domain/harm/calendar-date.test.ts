import { describe, expect, it } from 'vitest';
import { isoDate } from './calendar-date.ts';

describe('isoDate', () => {
  it.each(['2026-01-01', '2024-02-29', '2000-02-29', '2026-12-31'])('accepts the real date %s', (text) => {
    expect(isoDate(text)).toBe(text);
  });

  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-1-1',
    '26-01-01',
    '2026-01-01T00:00',
    '',
  ])('refuses %j', (text) => {
    expect(isoDate(text)).toBeUndefined();
  });
});
