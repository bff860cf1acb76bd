import { describe, expect, it } from 'vitest';
import { asPregnancyStatus, pregnancyCautions, pregnancyFlags } from './pregnancy.ts';
import { sessionPreChecks, type SessionPreCheckInput } from './session-gates.ts';
import { readyForSession } from './test-fixtures.ts';

// Review 2026-12 §3 and §6 item 15: "pregnant" was recorded at eligibility and then ignored.
describe('pregnancyFlags (eligibility)', () => {
  it.each(['iv-racemic', 'intranasal-esketamine', 'sublingual'] as const)(
    'flags a recorded pregnancy as contraindicated for %s, citing clinic.md §7.1 and marked unverified',
    (route) => {
      const [flag, ...rest] = pregnancyFlags('pregnant', route);
      expect(rest).toEqual([]);
      expect(flag).toMatchObject({ code: 'pregnancy', severity: 'contraindicated', certainty: 'unverified' });
      expect(flag?.source).toMatch(/clinic\.md §7\.1/);
      expect(flag?.label).toMatch(/not recommended in pregnancy/);
    },
  );

  it('names Spravato for esketamine only', () => {
    expect(pregnancyFlags('pregnant', 'intranasal-esketamine')[0]?.label).toMatch(/Spravato/);
    expect(pregnancyFlags('pregnant', 'iv-racemic')[0]?.label).not.toMatch(/Spravato/);
  });

  it('gives an unknown status as a caution to confirm, and nothing for not pregnant or not applicable', () => {
    expect(pregnancyFlags('unknown', 'iv-racemic')).toMatchObject([
      { code: 'pregnancy-status-unknown', severity: 'caution' },
    ]);
    expect(pregnancyFlags('not-pregnant', 'iv-racemic')).toEqual([]);
    expect(pregnancyFlags('not-applicable', 'intranasal-esketamine')).toEqual([]);
  });
});

describe('pregnancyCautions (session start)', () => {
  it('cautions when the latest eligibility recorded pregnancy or an unknown status', () => {
    expect(pregnancyCautions('pregnant').map((c) => c.code)).toEqual(['pregnancy-recorded']);
    expect(pregnancyCautions('unknown').map((c) => c.code)).toEqual(['pregnancy-status-unknown']);
    expect(pregnancyCautions('not-pregnant')).toEqual([]);
    expect(pregnancyCautions(undefined)).toEqual([]);
  });

  it('reads only known statuses from stored JSON', () => {
    expect(asPregnancyStatus('pregnant')).toBe('pregnant');
    expect(asPregnancyStatus('yes')).toBeUndefined();
    expect(asPregnancyStatus(undefined)).toBeUndefined();
  });
});

describe('sessionPreChecks: pregnancy caution from the latest eligibility', () => {
  const ready: SessionPreCheckInput = readyForSession;

  it('adds a caution (not a block) when pregnancy was recorded, and none when not pregnant', () => {
    const pregnant = sessionPreChecks({
      ...ready,
      eligibility: { signed: true, pregnancyStatus: 'pregnant' },
    });
    expect(pregnant.ok).toBe(true);
    expect(pregnant.blocks).toEqual([]);
    expect(pregnant.cautions?.map((c) => c.code)).toEqual(['pregnancy-recorded']);
    const unknown = sessionPreChecks({ ...ready, eligibility: { signed: true, pregnancyStatus: 'unknown' } });
    expect(unknown.cautions?.map((c) => c.code)).toEqual(['pregnancy-status-unknown']);
    const not = sessionPreChecks({
      ...ready,
      eligibility: { signed: true, pregnancyStatus: 'not-pregnant' },
    });
    expect(not).toEqual({ ok: true, blocks: [] });
  });
});
