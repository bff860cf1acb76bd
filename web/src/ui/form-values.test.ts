import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorAt, schemaErrors, withoutBlanks, zodErrors } from './form-values.ts';

const schema = z
  .object({ name: z.string().min(1, 'Enter a name'), roles: z.array(z.string().min(2)) })
  .strict();

describe('form values', () => {
  it('finds no field errors in a body the schema accepts, or when there is no schema', () => {
    expect(schemaErrors(schema, { name: 'Nora', roles: ['nurse'] })).toEqual({});
    expect(schemaErrors(null, { anything: 1 })).toEqual({});
  });

  it('keys a refused body by dotted path, the first message for a path winning', () => {
    expect(schemaErrors(schema, { name: '', roles: ['nurse', 'x'] })).toEqual({
      name: 'Enter a name',
      'roles.1': expect.any(String),
    });
  });

  it('keeps only the first issue of a path from a zod error', () => {
    const parsed = z
      .object({ code: z.string().min(6, 'Six digits').regex(/^\d+$/, 'Digits only') })
      .safeParse({
        code: 'ab',
      });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(zodErrors(parsed.error)).toEqual({ code: 'Six digits' });
  });

  it('leaves out text fields left blank or only spaces, and keeps every other value', () => {
    expect(withoutBlanks({ kind: 'BLS', identifier: '  ', issuedOn: '', count: 0, on: false })).toEqual({
      kind: 'BLS',
      count: 0,
      on: false,
    });
  });

  it('shows the message of a path itself, or else of its first part', () => {
    expect(errorAt({ serviceIds: 'Choose a service', 'serviceIds.0': 'Unknown' }, 'serviceIds')).toBe(
      'Choose a service',
    );
    expect(errorAt({ 'serviceIds.1': 'Unknown service' }, 'serviceIds')).toBe('Unknown service');
    expect(errorAt({ serviceIdsExtra: 'Not this one' }, 'serviceIds')).toBeUndefined();
  });
});
