import { describe, expect, it } from 'vitest';
import { hasPermission } from './roles.ts';

describe('role permissions', () => {
  it('lets clinical roles read and write patients', () => {
    for (const role of ['prescriber', 'nurse', 'practitioner', 'supervisor']) {
      expect(hasPermission([role], 'patient:read')).toBe(true);
      expect(hasPermission([role], 'patient:write')).toBe(true);
    }
  });
  it('keeps the auditor read-only', () => {
    expect(hasPermission(['auditor'], 'patient:read')).toBe(true);
    expect(hasPermission(['auditor'], 'patient:write')).toBe(false);
  });
  it('gives an admin no patient access unless a clinical role is added', () => {
    expect(hasPermission(['admin'], 'patient:read')).toBe(false);
    expect(hasPermission(['admin', 'practitioner'], 'patient:read')).toBe(true);
  });
  it('denies unknown roles and empty role lists', () => {
    expect(hasPermission(['root'], 'user:manage')).toBe(false);
    expect(hasPermission([], 'patient:read')).toBe(false);
  });
});
