import { describe, expect, it } from 'vitest';
import { timelineKindLabel, timelineSummary } from './timeline-words.ts';

describe('timeline words', () => {
  it('shows an older eligibility line with the route and decision in words', () => {
    expect(timelineSummary('eligibility', 'Eligibility for iv-racemic: not-eligible (signed by Dr A)')).toBe(
      'Eligibility for IV racemic ketamine: not eligible (signed by Dr A)',
    );
  });

  it('shows an older withdrawal with the route in words', () => {
    expect(timelineSummary('consent', 'Consent withdrawn (intranasal-esketamine)')).toBe(
      'Consent withdrawn (Intranasal esketamine)',
    );
  });

  it('names the corrected parts of a record in words', () => {
    expect(
      timelineSummary('patient-corrected', 'Record corrected (version 3): givenName, allergyStatus'),
    ).toBe('Record corrected (version 3): given name, allergy status');
  });

  it("shows an appointment's contact type in words", () => {
    expect(timelineSummary('appointment', 'Appointment booked for 02 Mar 2026, 10:00 (face-to-face)')).toBe(
      'Appointment booked for 02 Mar 2026, 10:00 (face to face)',
    );
  });

  it("says what a supervision note or sign-off is about, and a self-report link's instruments by name", () => {
    expect(timelineSummary('supervision', 'Supervision note (decision)')).toBe(
      'Supervision note on a level-of-need decision',
    );
    expect(timelineSummary('supervision', 'Supervision sign-off (assessment)')).toBe(
      'Supervision sign-off on a harm assessment',
    );
    expect(timelineSummary('supervision', 'Supervision note (review)')).toBe('Supervision note on a review');
    // An item type this version does not know stays as written.
    expect(timelineSummary('supervision', 'Supervision note (other)')).toBe('Supervision note (other)');
    expect(
      timelineSummary('self-report-link', 'Self-report link issued (phq-9, sds, ketamine-urinary-checklist)'),
    ).toBe('Self-report link issued (PHQ-9, SDS, Ketamine urinary symptom checklist)');
    expect(timelineSummary('self-report-link', 'Self-report link issued (new-scale)')).toBe(
      'Self-report link issued (new-scale)',
    );
  });

  it('leaves a line already in words, or of another kind, as written', () => {
    const line = 'Eligibility for IV racemic ketamine: eligible (signed by Dr A)';
    expect(timelineSummary('eligibility', line)).toBe(line);
    expect(timelineSummary('appointment', 'Eligibility for iv-racemic: eligible')).toBe(
      'Eligibility for iv-racemic: eligible',
    );
  });

  it('labels known kinds and puts an unknown kind into words', () => {
    expect(timelineKindLabel('harm-decision')).toBe('Level-of-need decisions');
    expect(timelineKindLabel('new-kind')).toBe('New kind');
  });
});
