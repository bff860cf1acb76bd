import { describe, expect, it } from 'vitest';
import { lossReportDeadlines } from './loss-report.ts';

const due = (discoveredAt: string) => {
  const result = lossReportDeadlines(discoveredAt, 'us');
  if (!result.ok) throw new Error('refused');
  return result.value.map((step) => [step.code, step.dueBy]);
};

describe('US theft or loss report deadlines (21 CFR 1301.76(b))', () => {
  it.each([
    ['Monday', '2026-03-02T10:00:00-05:00', '2026-03-03', '2026-04-16'],
    ['Thursday', '2026-03-05T10:00:00-05:00', '2026-03-06', '2026-04-19'],
    ['Friday', '2026-03-06T16:00:00-05:00', '2026-03-09', '2026-04-20'],
    ['Saturday', '2026-03-07T10:00:00-05:00', '2026-03-09', '2026-04-21'],
    ['Sunday', '2026-03-08T10:00:00-05:00', '2026-03-09', '2026-04-22'],
  ])('discovered on a %s: notice the next business day, Form 106 in 45 days', (_day, at, notice, form106) => {
    expect(due(at)).toEqual([
      ['dea-field-office-notice', notice],
      ['dea-form-106', form106],
    ]);
  });

  it('counts days in the local calendar of the discovery, not UTC', () => {
    // Friday 23:30 in New York is already Saturday in UTC; the local day is Friday.
    expect(due('2026-03-06T23:30:00-05:00')[0]).toEqual(['dea-field-office-notice', '2026-03-09']);
    expect(due('2026-03-07T04:30:00Z')[0]).toEqual(['dea-field-office-notice', '2026-03-09']);
  });

  it('crosses month and year ends', () => {
    expect(due('2026-12-31T12:00:00Z')).toEqual([
      ['dea-field-office-notice', '2027-01-01'],
      ['dea-form-106', '2027-02-14'],
    ]);
  });

  it('says that public holidays are not modelled and cites its source', () => {
    const result = lossReportDeadlines('2026-03-02T10:00:00Z', 'us');
    expect(result.ok && result.value[0]?.note).toMatch(/public holidays are not modelled/);
    expect(result.ok && result.value[1]?.source).toMatch(/1301\.76\(b\)/);
  });
});

describe('UK loss reporting', () => {
  it('names the CD Accountable Officer with no deadline, marked unverified', () => {
    const result = lossReportDeadlines('2026-03-02T10:00:00Z', 'uk');
    expect(result.ok && result.value.map((s) => [s.code, s.dueBy, s.certainty])).toEqual([
      ['uk-accountable-officer', null, 'unverified'],
    ]);
  });
});

it('refuses a discovery time it cannot read', () => {
  expect(lossReportDeadlines('2026-03-02', 'us')).toEqual({
    ok: false,
    problems: [expect.objectContaining({ code: 'invalid-time', path: 'discoveredAt' })],
  });
});
