import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, matchTotp, totpAt } from './totp.ts';

// RFC 6238 Appendix B test vectors, SHA-1, secret "12345678901234567890" (8-digit codes; we use the last 6).
const SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('matches the RFC 6238 vector at T=%i', (seconds, code) => {
    expect(totpAt(SECRET, Math.floor(seconds / 30))).toBe(code);
  });

  it('round-trips base32', () => {
    expect(base32Decode(base32Encode(Buffer.from('hello world'))).toString()).toBe('hello world');
  });

  it('accepts one step of clock drift and refuses a replayed step', () => {
    const now = new Date(1111111111 * 1000);
    const step = Math.floor(1111111111 / 30);
    expect(matchTotp(SECRET, totpAt(SECRET, step - 1), now, 0)).toBe(step - 1);
    expect(matchTotp(SECRET, totpAt(SECRET, step), now, step)).toBeNull();
    expect(matchTotp(SECRET, totpAt(SECRET, step - 2), now, 0)).toBeNull();
  });
});
