import { describe, expect, it } from 'vitest';
import { dayWindow } from './services-today.ts';

describe("a calendar day on the services' clock", () => {
  it("runs from local midnight to local midnight: New York's 6 Dec is 05:00 UTC to 05:00 UTC", () => {
    const { from, until } = dayWindow('2026-12-06', 'America/New_York');
    expect(from.toISOString()).toBe('2026-12-06T05:00:00.000Z');
    expect(until.toISOString()).toBe('2026-12-07T05:00:00.000Z');
  });

  it("is 23 hours long on the UK's spring day and 25 on its autumn day", () => {
    const spring = dayWindow('2026-03-29', 'Europe/London');
    expect(spring.from.toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(spring.until.toISOString()).toBe('2026-03-29T23:00:00.000Z');
    const autumn = dayWindow('2026-10-25', 'Europe/London');
    expect(autumn.from.toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(autumn.until.toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });

  it("is UTC's day for services with no shared zone", () => {
    const { from, until } = dayWindow('2026-12-06', undefined);
    expect(from.toISOString()).toBe('2026-12-06T00:00:00.000Z');
    expect(until.toISOString()).toBe('2026-12-07T00:00:00.000Z');
  });
});
