import { describe, expect, it } from 'vitest';
import { inRegisterOrder, isChronological, registerSection, runningBalances } from './register.ts';
import { SAFE_A, SAFE_B, TestRegister, VIAL } from './test-fixtures.ts';

function day(): TestRegister {
  const reg = new TestRegister();
  reg.must('receipt', { quantity: { containers: 3 } });
  reg.doseAndWasteRest();
  reg.must('transfer', { quantity: { containers: 1 } });
  return reg;
}

describe('register page', () => {
  it('gives each entry with the balance after it, in the order made', () => {
    const lines = runningBalances([...day().entries].reverse());
    expect(lines.map((l) => l.entry.seq)).toEqual([1, 2, 3, 4]);
    expect(lines.map((l) => l.balancesAfter.map((b) => [b.locationId, b.containers, b.mg]))).toEqual([
      [[SAFE_A.id, 3, 600]],
      [[SAFE_A.id, 2, 565]],
      [[SAFE_A.id, 2, 400]],
      [
        [SAFE_A.id, 1, 200],
        [SAFE_B.id, 1, 200],
      ],
    ]);
  });

  it('shows a section per product and location, with the balance at that location', () => {
    const reg = day();
    expect(
      registerSection(reg.entries, VIAL.id, SAFE_B.id).map((l) => [l.entry.kind, l.balanceAfter.mg]),
    ).toEqual([['transfer', 200]]);
    expect(registerSection(reg.entries, VIAL.id, SAFE_A.id)).toHaveLength(4);
    expect(registerSection(reg.entries, 'other', SAFE_A.id)).toEqual([]);
  });

  it('shows a count that agreed, with the balance unchanged', () => {
    const reg = day();
    reg.must('count', { quantity: { containers: 1, mg: 200 } });
    expect(
      runningBalances(reg.entries)
        .at(-1)
        ?.balancesAfter.map((b) => b.mg),
    ).toEqual([200]);
  });

  it('checks the register is chronological', () => {
    const entries = day().entries;
    expect(isChronological(entries)).toBe(true);
    expect(isChronological(inRegisterOrder([...entries].reverse()))).toBe(true);
    expect(isChronological([...entries].reverse())).toBe(false);
    const clockBack = entries.map((e, i) => (i === 3 ? { ...e, recordedAt: '2026-03-01T00:00:00Z' } : e));
    expect(isChronological(clockBack)).toBe(false);
    expect(isChronological([])).toBe(true);
  });
});
