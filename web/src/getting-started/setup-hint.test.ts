import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { setupHintsOf } from './SetupHint.tsx';

const hint = { path: '/admin#staff', text: 'Record the ACLS credential.' };

describe('setupHintsOf', () => {
  it('reads the hints of a refusal’s blocks, once each', () => {
    const error = new ApiError(409, {
      code: 'acls-clinician-required',
      blocks: [
        { code: 'acls-clinician-required', text: 'No ACLS', source: 's', setup: hint },
        { code: 'consent-required', text: 'No consent', source: 's' },
        { code: 'acls-clinician-required', text: 'again', source: 's', setup: hint },
      ],
    });
    expect(setupHintsOf(error)).toEqual([hint]);
    expect(setupHintsOf(error.body)).toEqual([hint]);
  });

  it('finds none without blocks or with malformed hints', () => {
    expect(setupHintsOf(null)).toEqual([]);
    expect(setupHintsOf(new ApiError(422, { code: 'validation-failed' }))).toEqual([]);
    expect(setupHintsOf({ blocks: [{ code: 'x', setup: { path: 3 } }] })).toEqual([]);
  });
});
