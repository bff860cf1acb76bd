import { describe, expect, it } from 'vitest';
import { DEFAULT_WITNESSES, defaultLedgerPolicy, withWitnessCounts } from './policy.ts';
import { codesOf, minutesAfter, T0, TestRegister } from './test-fixtures.ts';
import { witnessProblems } from './witnesses.ts';

const signed = (userId: string, secondsAgo = 30) => ({
  userId,
  reauthenticatedAt: new Date(T0.getTime() - secondsAgo * 1000).toISOString(),
});
const check = (witnesses: ReturnType<typeof signed>[], required: number) =>
  witnessProblems({ authorId: 'nurse-1', witnesses, required, now: T0, freshnessMs: 5 * 60_000 }).map(
    (p) => p.code,
  );

describe('witness rules', () => {
  it('accepts a different, freshly re-authenticated user', () => {
    expect(check([signed('nurse-2')], 1)).toEqual([]);
  });

  it('refuses the author as witness (witness-must-differ), without also saying one is missing', () => {
    expect(check([signed('nurse-1')], 1)).toEqual(['witness-must-differ']);
  });

  it('asks for a witness when none signed', () => {
    expect(check([], 1)).toEqual(['witness-required']);
  });

  it('needs two different witnesses for destruction', () => {
    expect(check([signed('nurse-2')], 2)).toEqual(['two-witnesses-required']);
    expect(check([signed('nurse-2'), signed('nurse-2')], 2)).toEqual(['witness-must-differ']);
    expect(check([signed('nurse-1'), signed('nurse-2')], 2)).toEqual(['witness-must-differ']);
    expect(check([signed('nurse-2'), signed('cd-officer')], 2)).toEqual([]);
  });

  it('needs the re-authentication within the freshness window, and not in the future', () => {
    expect(check([signed('nurse-2', 300)], 1)).toEqual([]);
    expect(check([signed('nurse-2', 301)], 1)).toEqual(['witness-not-reauthenticated']);
    expect(check([signed('nurse-2', -1)], 1)).toEqual(['witness-not-reauthenticated']);
    expect(check([{ userId: 'nurse-2', reauthenticatedAt: 'yesterday' }], 1)).toEqual([
      'witness-not-reauthenticated',
    ]);
  });

  it('refuses a signature with no user', () => {
    expect(check([signed(' ')], 1)).toEqual(['witness-required']);
  });

  it('checks an optional witness even where none is required', () => {
    expect(check([signed('nurse-1')], 0)).toEqual(['witness-must-differ']);
    expect(check([signed('nurse-2')], 0)).toEqual([]);
  });
});

describe('witness policy', () => {
  it('defaults to one witness for waste and two for destruction, each with its source', () => {
    expect(DEFAULT_WITNESSES.waste.count).toBe(1);
    expect(DEFAULT_WITNESSES.destruction.count).toBe(2);
    expect(DEFAULT_WITNESSES.destruction.source).toMatch(/Form 41/);
    for (const rule of Object.values(DEFAULT_WITNESSES)) expect(rule.source.length).toBeGreaterThan(10);
  });

  it('lets a service require a witness for administration', () => {
    const policy = withWitnessCounts(defaultLedgerPolicy('uk'), { administration: 1 }, 'Local SOP 4.2');
    const reg = new TestRegister(policy);
    reg.must('receipt', { supplier: { name: 'UK Wholesale', address: 'Leeds' } });
    expect(codesOf(reg.add('administration'))).toEqual(['witness-required']);
    const witness = { userId: 'nurse-2', reauthenticatedAt: minutesAfter(reg.now, -1).toISOString() };
    expect(reg.add('administration', { witnesses: [witness] }).ok).toBe(true);
    expect(policy.witnesses.administration).toEqual({
      count: 1,
      source: 'Local SOP 4.2',
      certainty: 'local',
    });
  });

  it('lets a service drop the witness for waste', () => {
    const reg = new TestRegister(withWitnessCounts(defaultLedgerPolicy('us'), { waste: 0 }, 'State allows'));
    reg.must('receipt');
    reg.must('administration');
    expect(reg.add('waste', { witnesses: [] }).ok).toBe(true);
  });
});
