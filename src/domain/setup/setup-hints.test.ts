import { describe, expect, it } from 'vitest';
import { setupHintFor, withSetupHints } from './setup-hints.ts';

describe('setup hints', () => {
  it('names what to set up and where for the ACLS block', () => {
    expect(setupHintFor('acls-clinician-required')).toMatchObject({ path: '/admin#staff' });
    expect(setupHintFor('acls-clinician-required')?.text).toMatch(/ACLS.*Admin → Staff → Credentials/);
  });

  it('has none for a rule that set-up does not lift, nor for inherited names', () => {
    expect(setupHintFor('consent-required')).toBeUndefined();
    expect(setupHintFor('toString')).toBeUndefined();
  });

  it('adds `setup` to the blocks it lifts and leaves every other field and block as given', () => {
    const blocks = [
      { code: 'consent-required', text: 'No consent', source: 's1' },
      { code: 'acls-clinician-required', text: 'No ACLS', source: 's2' },
    ];
    const out = withSetupHints(blocks);
    expect(out[0]).toEqual(blocks[0]);
    expect(out[1]).toMatchObject({ ...blocks[1], setup: { path: '/admin#staff' } });
  });
});
