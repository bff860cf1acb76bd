import { describe, expect, it } from 'vitest';
import { calibrationAgreement } from './calibration.ts';
import {
  cohenWarnings,
  fleissWarnings,
  kappaWarnings,
  MIN_RATERS_FOR_TEAM_KAPPA,
  MIN_VIGNETTES_FOR_KAPPA,
} from './kappa-interpretability.ts';
import { cohenKappa, fleissKappa } from './kappa.ts';

const codes = (basis: Parameters<typeof kappaWarnings>[0]) => kappaWarnings(basis).map((w) => w.code);

describe('when a kappa can be interpreted', () => {
  it('states its minimums: 10 vignettes, and 3 raters for the team', () => {
    expect(MIN_VIGNETTES_FOR_KAPPA).toBe(10);
    expect(MIN_RATERS_FOR_TEAM_KAPPA).toBe(3);
  });

  it.each([
    [0, ['too-few-vignettes']],
    [1, ['too-few-vignettes']],
    [2, ['too-few-vignettes']],
    [9, ['too-few-vignettes']],
    [10, []],
    [11, []],
  ])('with %i vignettes rated warns %j', (items, expected) => {
    expect(codes({ items, raters: 5, agreement: 0.6, team: true })).toEqual(expected);
  });

  it.each([
    [1, ['too-few-raters']],
    [2, ['too-few-raters']],
    [3, []],
    [4, []],
  ])('with %i raters of the team warns %j', (raters, expected) => {
    expect(codes({ items: 12, raters, agreement: 0.6, team: true })).toEqual(expected);
  });

  it('does not count raters for one practitioner against the reference (always two)', () => {
    expect(codes({ items: 12, raters: 2, agreement: 0.6, team: false })).toEqual([]);
  });

  it.each([
    [0, ['no-agreement']],
    [0.01, []],
    [1, []],
  ])('with an observed agreement of %d warns %j', (agreement, expected) => {
    expect(codes({ items: 12, raters: 3, agreement, team: true })).toEqual(expected);
  });

  it('gives every reason at once, in words that name the numbers', () => {
    const warnings = kappaWarnings({ items: 2, raters: 2, agreement: 0, team: true });
    expect(warnings.map((w) => w.code)).toEqual(['too-few-vignettes', 'too-few-raters', 'no-agreement']);
    expect(warnings[0]?.text).toMatch(/2 rated, at least 10 needed/);
    expect(warnings[1]?.text).toMatch(/2 rated each vignette, at least 3 needed/);
    expect(warnings[2]?.text).toMatch(/not "slight"/);
  });

  it('explains "κ 0.00" beside 0 % agreement: one vignette rated at another level than the reference', () => {
    const k = cohenKappa([[2, 3]] as const, [1, 2, 3, 4]);
    expect(k.ok && k.value.kappa).toBe(0);
    expect(cohenWarnings(k).map((w) => w.code)).toEqual(['too-few-vignettes', 'no-agreement']);
  });

  it('gives no warning for a statistic that was not computed, and reads a Fleiss table', () => {
    expect(fleissWarnings(fleissKappa([]))).toEqual([]);
    const team = fleissKappa(Array.from({ length: 10 }, (_, i) => (i % 2 ? [3, 0, 0, 0] : [0, 3, 0, 0])));
    expect(fleissWarnings(team)).toEqual([]);
  });

  it('is carried by the calibration report for the team and each practitioner', () => {
    const report = calibrationAgreement(
      [
        { id: 'v1', referenceLevel: 3, engineLevel: 2 },
        { id: 'v2', referenceLevel: 3, engineLevel: 3 },
      ],
      [
        { vignetteId: 'v1', practitionerId: 'a', level: 2 },
        { vignetteId: 'v1', practitionerId: 'b', level: 2 },
        { vignetteId: 'v2', practitionerId: 'a', level: 3 },
        { vignetteId: 'v2', practitionerId: 'b', level: 2 },
      ],
    );
    expect(report.team.ok).toBe(true);
    expect(report.teamWarnings.map((w) => w.code)).toEqual(['too-few-vignettes', 'too-few-raters']);
    // b never matched the reference (0 of 2): the kappa reads as no agreement, not "slight".
    const b = report.practitioners.find((p) => p.practitionerId === 'b');
    expect(b?.warningsWithReference.map((w) => w.code)).toEqual(['too-few-vignettes', 'no-agreement']);
    expect(b?.warningsWithEngine.map((w) => w.code)).toEqual(['too-few-vignettes']);
  });
});
