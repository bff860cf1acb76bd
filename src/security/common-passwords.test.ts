import { describe, expect, it } from 'vitest';
import { commonPasswords } from './common-passwords.ts';

describe('commonPasswords', () => {
  it('loads the shipped list of tens of thousands of common passwords, lower case', () => {
    const list = commonPasswords();
    expect(list.size).toBeGreaterThan(40_000);
    for (const p of ['123456', 'password', 'qwerty', 'iloveyou', 'trustno1']) expect(list.has(p)).toBe(true);
    expect([...list].every((p) => p === p.toLowerCase())).toBe(true);
  });
});
