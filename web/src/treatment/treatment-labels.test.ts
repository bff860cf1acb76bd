import { describe, expect, it } from 'vitest';
import { protocolName } from './treatment-labels.ts';

const PROTOCOLS = [
  {
    ref: 'iv-racemic-psychiatric@1.1.0',
    id: 'iv-racemic-psychiatric',
    title: 'IV racemic ketamine — psychiatric indications',
  },
];

describe('a protocol as people read it', () => {
  it('is its title, never "id@version"', () => {
    expect(protocolName('iv-racemic-psychiatric@1.1.0', PROTOCOLS)).toBe(
      'IV racemic ketamine — psychiatric indications',
    );
  });

  it('names the version a past session ran under when it is not the one listed', () => {
    expect(protocolName('iv-racemic-psychiatric@1.0.0', PROTOCOLS)).toBe(
      'IV racemic ketamine — psychiatric indications, version 1.0.0',
    );
    expect(protocolName('retired-protocol@2.0.0', PROTOCOLS)).toBe('retired-protocol, version 2.0.0');
  });
});
