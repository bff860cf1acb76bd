import { describe, expect, it } from 'vitest';
import { consentDocumentFor, consentDocuments } from './documents.ts';

describe('consent documents', () => {
  it('has one current versioned document per route (and keeps 1.0.0), every section sourced', () => {
    const routes = consentDocuments
      .filter((d) => d.version === '1.1.0')
      .map((d) => d.route)
      .sort();
    expect(routes).toEqual(['im', 'intranasal-esketamine', 'iv-racemic', 'oral', 'sublingual']);
    expect(consentDocuments.filter((d) => d.version === '1.0.0').map((d) => d.route)).toHaveLength(5);
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

  // Review 2026-12 §6 item 15: consent documents never mentioned pregnancy.
  it.each(['iv-racemic', 'im', 'intranasal-esketamine', 'oral', 'sublingual'] as const)(
    'the current %s document has a pregnancy section; version 1.0.0 is unchanged',
    (route) => {
      const doc = consentDocumentFor(route);
      expect(doc?.version).toBe('1.1.0');
      const pregnancy = doc?.sections.find((s) => s.heading === 'Pregnancy');
      expect(pregnancy?.text).toMatch(/not recommended in pregnancy/);
      expect(pregnancy?.source).toMatch(/clinic\.md §7\.1/);
      expect(doc?.sections.at(-1)?.heading).toBe('Your choice');
      const old = consentDocuments.find((d) => d.route === route && d.version === '1.0.0');
      expect(old?.sections.some((s) => s.heading === 'Pregnancy')).toBe(false);
      expect(old?.sections.length).toBe((doc?.sections.length ?? 0) - 1);
    },
  );
});
