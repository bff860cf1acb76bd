import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { jwksError, readJwks } from './jwks-text.ts';

async function keys() {
  const { publicKey, privateKey } = await generateKeyPair('ES384', { extractable: true });
  return { publicJwk: await exportJWK(publicKey), privateJwk: await exportJWK(privateKey) };
}

const errorOf = (text: string) => {
  const r = readJwks(text);
  return r.ok ? null : r.error;
};

describe('reading a pasted key set', () => {
  it('takes a set of public EC P-384 keys', async () => {
    const { publicJwk } = await keys();
    const r = readJwks(JSON.stringify({ keys: [{ ...publicJwk, kid: 'k1' }] }));
    expect(r).toEqual({ ok: true, jwks: { keys: [{ ...publicJwk, kid: 'k1' }] } });
  });

  it('says what is wrong when it is not a key set', async () => {
    const { publicJwk } = await keys();
    expect(errorOf('   ')).toBe('Paste the client’s public key set');
    expect(errorOf('{"keys": [')).toMatch(/^This is not JSON/);
    expect(errorOf(JSON.stringify(publicJwk))).toMatch(/^This is a single key/);
    expect(errorOf('[1, 2]')).toMatch(/^Not a JSON Web Key Set/);
    expect(errorOf('{"keys": {}}')).toMatch(/^Not a JSON Web Key Set/);
    expect(errorOf('{"keys": []}')).toBe('The key set holds no keys: add at least one public key');
    expect(errorOf('{"keys": ["abc"]}')).toBe('Key 1: not a JSON Web Key (an object)');
  });

  it('refuses private key material, naming the key and its private members', async () => {
    const { publicJwk, privateJwk } = await keys();
    const error = errorOf(JSON.stringify({ keys: [publicJwk, privateJwk] }));
    expect(error).toBe('Key 2: Send public keys only: this key holds private members (d)');
  });

  it('refuses a key the server cannot use (wrong curve, missing members)', async () => {
    const { publicJwk } = await keys();
    expect(errorOf(JSON.stringify({ keys: [{ ...publicJwk, crv: 'P-256' }] }))).toMatch(/^Key 1: /);
    expect(errorOf(JSON.stringify({ keys: [{ kty: 'RSA', e: 'AQAB' }] }))).toBe(
      'Key 1: An RSA key needs "n"',
    );
  });
});

describe('the server’s refusal of a key set', () => {
  it('names the key it found at fault', () => {
    expect(jwksError({ 'jwks.keys.0': 'Not a usable ES384 public key' })).toBe(
      'Key 1: Not a usable ES384 public key',
    );
    expect(jwksError({ jwks: 'Required' })).toBe('Required');
    expect(jwksError({ 'jwks.keys': 'At most 10 keys' })).toBe('At most 10 keys');
    expect(jwksError({ name: 'Required' })).toBeUndefined();
  });
});
