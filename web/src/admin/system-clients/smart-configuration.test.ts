import { describe, expect, it } from 'vitest';
import { readSmartConfiguration, scopeLabel } from './smart-configuration.ts';

describe('the SMART discovery document', () => {
  it('gives the token URL and the system scopes', () => {
    const body = {
      token_endpoint: 'https://kaspr.example/fhir/R4/auth/token',
      scopes_supported: ['system/*.read', 'system/*.write', 'system/*.*', 'openid'],
      grant_types_supported: ['client_credentials'],
    };
    expect(readSmartConfiguration(body)).toEqual({
      tokenUrl: 'https://kaspr.example/fhir/R4/auth/token',
      scopes: ['system/*.read', 'system/*.write', 'system/*.*'],
    });
  });

  it('is null without a token URL or any system scope', () => {
    expect(readSmartConfiguration({ scopes_supported: ['system/*.read'] })).toBeNull();
    expect(readSmartConfiguration({ token_endpoint: '/t', scopes_supported: ['openid'] })).toBeNull();
    expect(readSmartConfiguration('<!doctype html>')).toBeNull();
  });

  it('labels each scope by what it allows, with the scope itself', () => {
    expect(scopeLabel('system/*.read')).toBe('Read (system/*.read)');
    expect(scopeLabel('system/*.write')).toBe('Write (system/*.write)');
    expect(scopeLabel('system/*.*')).toBe('Read and write (system/*.*)');
    expect(scopeLabel('system/Patient.read')).toBe('Read Patient records (system/Patient.read)');
    expect(scopeLabel('launch')).toBe('launch');
  });
});
