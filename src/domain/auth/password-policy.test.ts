import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('passwordProblem', () => {
  it('accepts a 12-character password and refuses 11', () => {
    expect(passwordProblem('abcdefghijk')).toBe('too-short');
    expect(passwordProblem('correct hors')).toBeNull();
  });
  it('accepts 128 characters and refuses 129', () => {
    expect(passwordProblem('a'.repeat(128))).toBeNull();
    expect(passwordProblem('a'.repeat(129))).toBe('too-long');
  });
  it('refuses common passwords whatever their case', () => {
    expect(passwordProblem('Password1234')).toBe('too-common');
  });
  it('needs no character classes', () => {
    expect(passwordProblem('all lower case words')).toBeNull();
  });
});
