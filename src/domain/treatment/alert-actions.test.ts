import { describe, expect, it } from 'vitest';
import { actionText, sessionAlertCode, suggestedAction } from './alert-actions.ts';

describe('suggested action for an intra-session vital alert', () => {
  it('suggests pausing or stopping the infusion and calling the prescriber for an urgent systolic BP', () => {
    const a = suggestedAction({ code: 'systolic', severity: 'urgent' }, 'infusion');
    expect(a.steps).toEqual([
      'pause-or-stop-infusion',
      'repeat-reading',
      'call-prescriber',
      'emergency-care-if-symptoms',
    ]);
    expect(a.text).toMatch(/^Pause or stop the infusion, repeat the reading, call the prescriber now and /);
    expect(a.source).toContain('clinic.md §1');
    expect(a.certainty).toBe('unverified');
  });

  it('withholds a further dose instead when nothing is infused (nasal spray, lozenge)', () => {
    const a = suggestedAction({ code: 'diastolic', severity: 'urgent' }, 'single-dose');
    expect(a.steps[0]).toBe('withhold-further-dose');
    expect(a.steps).not.toContain('pause-or-stop-infusion');
  });

  it('adds breathing support for low SpO2 or respiratory rate', () => {
    for (const code of ['spo2', 'respiratory-rate'] as const) {
      const a = suggestedAction({ code, severity: 'urgent' }, 'infusion');
      expect(a.steps).toEqual(['pause-or-stop-infusion', 'support-breathing', 'call-prescriber']);
      expect(a.source).toContain('clinic.md §2');
    }
  });

  it('suggests pausing and calling for an urgent heart rate', () => {
    expect(suggestedAction({ code: 'heart-rate', severity: 'urgent' }, 'infusion').steps).toEqual([
      'pause-or-stop-infusion',
      'repeat-reading',
      'call-prescriber',
    ]);
  });

  it('suggests only repeating the reading for a warning', () => {
    for (const code of ['systolic-rise', 'diastolic-rise', 'reading-incomplete', 'systolic'] as const) {
      const a = suggestedAction({ code, severity: 'warning' }, 'infusion');
      expect(a.steps).toEqual(['repeat-reading']);
      expect(a.text).toBe('Repeat the reading.');
    }
  });

  it('treats a rise configured as urgent like a high BP', () => {
    expect(suggestedAction({ code: 'systolic-rise', severity: 'urgent' }, 'infusion').steps[0]).toBe(
      'pause-or-stop-infusion',
    );
  });

  it('words one, two and more steps as a sentence', () => {
    expect(actionText(['call-prescriber'])).toBe('Call the prescriber now.');
    expect(actionText(['repeat-reading', 'call-prescriber'])).toBe(
      'Repeat the reading and call the prescriber now.',
    );
  });

  it('names the chart alert code after the vital alert code', () => {
    expect(sessionAlertCode('systolic')).toBe('session-vital-systolic');
  });
});
