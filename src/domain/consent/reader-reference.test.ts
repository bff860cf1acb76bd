import { describe, expect, it } from 'vitest';
import { consentDocuments, dischargeAdvice } from './documents.ts';
import { readerReference } from './reader-reference.ts';

const INTERNAL = /\[(V|S|U|SYN)|\.md|§|seeds\/|@\d+\.\d+\.\d+/;

describe('the shipped consent documents as a patient reads their sources', () => {
  it('leaves no internal notation in any shipped consent section or the discharge advice', () => {
    for (const doc of consentDocuments)
      for (const s of doc.sections) expect(readerReference(s.source)).not.toMatch(INTERNAL);
    expect(readerReference(dischargeAdvice.source)).toContain('Royal College of Emergency Medicine');
  });
});
