import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

const LIST = new Set(['123456', 'password', 'monkey', 'jordan23', 'correcthorsebatterystaple', 'iloveyou2']);

describe('passwordProblem', () => {
  it('accepts a 12-character password and refuses 11', () => {
    expect(passwordProblem('abcdefghijk')).toBe('too-short');
    expect(passwordProblem('correct hors')).toBeNull();
  });
  it('accepts 128 characters and refuses 129', () => {
    const phrase = 'tulip lantern quarry '.repeat(6);
    expect(passwordProblem(`${phrase}${'x'.repeat(128 - phrase.length)}`)).toBeNull();
    expect(passwordProblem(`${phrase}${'x'.repeat(129 - phrase.length)}`)).toBe('too-long');
  });
  it('needs no character classes', () => {
    expect(passwordProblem('all lower case words')).toBeNull();
  });

  describe('common and breached passwords', () => {
    it('refuses a listed password whatever its case or spacing', () => {
      expect(passwordProblem('CorrectHorseBatteryStaple', { common: LIST })).toBe('too-common');
      expect(passwordProblem('correct horse battery staple', { common: LIST })).toBe('too-common');
    });
    it('refuses a listed word with digits or symbols added around it', () => {
      expect(passwordProblem('Password1234', { common: LIST })).toBe('too-common');
      expect(passwordProblem('!!Monkey2026!!', { common: LIST })).toBe('too-common');
      // The built-in short list applies even without the full list.
      expect(passwordProblem('password123456')).toBe('too-common');
      expect(passwordProblem('Ketamine2026!')).toBe('too-common');
    });
    it('accepts a phrase that merely contains a listed word', () => {
      expect(passwordProblem('monkey puzzle orchard', { common: LIST })).toBeNull();
    });
  });

  describe('the obvious', () => {
    it('refuses a repeated character or a repeated unit', () => {
      expect(passwordProblem('aaaaaaaaaaaa')).toBe('repetitive');
      expect(passwordProblem('abcabcabcabc')).toBe('repetitive');
      expect(passwordProblem('tulip tulip tulip')).toBe('repetitive');
      expect(passwordProblem('abcabcabcabd')).toBeNull();
    });
    it('refuses simple sequences, forwards or backwards, and two joined', () => {
      expect(passwordProblem('abcdefghijkl')).toBe('sequence');
      expect(passwordProblem('123456789012')).toBe('sequence');
      expect(passwordProblem('lkjihgfedcba')).toBe('sequence');
      expect(passwordProblem('asdfgh098765')).toBe('sequence');
      expect(passwordProblem('1qaz2wsx3edc')).toBe('sequence');
      expect(passwordProblem('aaaaaa111111')).toBe('repetitive');
      expect(passwordProblem('abcd99999999')).toBe('sequence');
      // Three runs is no longer "simple".
      expect(passwordProblem('abc123xyz789')).toBeNull();
    });
  });

  describe('the user’s own email or name', () => {
    const who = { email: 'alice.north@clinic.test', displayName: 'Alice North' };
    it('refuses the email, or the name with little else', () => {
      expect(passwordProblem('alice.north@clinic.test', who)).toBe('contains-personal');
      expect(passwordProblem('Alice North 2026!', who)).toBe('contains-personal');
      expect(passwordProblem('north wind 1234', who)).toBe('contains-personal');
    });
    it('refuses at 9 letters and digits left over, accepts at 10', () => {
      expect(passwordProblem('alice123456789', who)).toBe('contains-personal');
      expect(passwordProblem('alice1234567890', who)).toBeNull();
    });
    it('accepts a phrase where a name part is one word among others', () => {
      expect(passwordProblem('alice likes quiet orchards', who)).toBeNull();
    });
    it('ignores parts of fewer than three characters', () => {
      expect(passwordProblem('al cooked jam jars', { email: 'al@clinic.test' })).toBeNull();
    });
  });
});
