import { describe, expect, it } from 'vitest';
import { safeError } from './logger.ts';

describe('safeError', () => {
  it('keeps type, code, message and stack but drops the database detail that quotes row values', () => {
    const err = Object.assign(new Error('duplicate key value violates unique constraint "x"'), {
      code: '23505',
      detail: 'Key (nhs_number)=(9434765919) already exists.',
      where: 'SQL statement',
    });
    const logged = safeError(err);
    expect(logged).toMatchObject({ name: 'Error', code: '23505', message: err.message });
    expect(JSON.stringify(logged)).not.toContain('9434765919');
  });
});
