import { describe, expect, it } from 'vitest';
import { consentDocumentFor, consentDocuments } from './documents.ts';

describe('consent documents', () => {
  it('has one versioned document per route, every section sourced', () => {
    const routes = consentDocuments.map((d) => d.route).sort();
    expect(routes).toEqual(['im', 'intranasal-esketamine', 'iv-racemic', 'oral', 'sublingual']);
    for (const d of consentDocuments) {
      expect(d.version).toMatch(/^\d+\.\d+\.\d+$/);
      for (const s of d.sections) expect(s.source.length).toBeGreaterThan(5);
    }
  });

  it('covers the facts the issue requires for IV: off-label use, dissociation, BP, bladder, 12 h driving, integration', () => {
    const text =
      consentDocumentFor('iv-racemic')
        ?.sections.map((s) => `${s.heading} ${s.text}`)
        .join(' ') ?? '';
    for (const needle of [
      'off-label',
      'Dissociation',
      'Blood pressure',
      'bladder',
      '12 hours',
      'integration',
    ]) {
      expect(text.toLowerCase()).toContain(needle.toLowerCase());
    }
  });

  it('uses the esketamine label rule for driving', () => {
    const text =
      consentDocumentFor('intranasal-esketamine')
        ?.sections.map((s) => s.text)
        .join(' ') ?? '';
    expect(text).toContain('next day after a restful sleep');
    expect(text).toContain('at least 2 hours');
  });
});
