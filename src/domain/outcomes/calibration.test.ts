import { describe, expect, it } from 'vitest';
import { calibrationAgreement, type Vignette, type VignetteRating } from './calibration.ts';

const vignettes: readonly Vignette[] = [
  { id: 'v1', referenceLevel: 2, engineLevel: 2 },
  { id: 'v2', referenceLevel: 3, engineLevel: 2 },
  { id: 'v3', referenceLevel: 1, engineLevel: 1 },
];

function rate(vignetteId: string, practitionerId: string, level: VignetteRating['level']): VignetteRating {
  return { vignetteId, practitionerId, level };
}

const ratings: readonly VignetteRating[] = [
  rate('v1', 'p1', 2),
  rate('v1', 'p2', 2),
  rate('v1', 'p3', 2),
  rate('v2', 'p1', 3),
  rate('v2', 'p2', 2),
  rate('v2', 'p3', 4),
  rate('v3', 'p1', 1),
  rate('v3', 'p2', 1),
  rate('v3', 'p3', 2),
  rate('v1', 'p1', 4), // a second rating of the same vignette: ignored
  rate('v9', 'p1', 1), // an unknown vignette: ignored
];

describe('calibrationAgreement', () => {
  it("gives the team's Fleiss kappa", () => {
    // P_i: v1 all at 2 → 1; v2 one each at 2, 3, 4 → 0; v3 two at 1, one at 2 → 2 / 6 = 1/3. P̄ = 4/9.
    // p_j over 9 ratings: level 1 2/9, level 2 5/9, level 3 1/9, level 4 1/9. P̄e = (4 + 25 + 1 + 1) / 81 = 31/81.
    // κ = (36/81 − 31/81) / (50/81) = 0.1.
    const { team } = calibrationAgreement(vignettes, ratings);
    expect(team).toMatchObject({
      ok: true,
      value: { kappa: expect.closeTo(0.1, 10), meanAgreement: expect.closeTo(4 / 9, 10), raters: 3 },
    });
  });

  it('lists vignettes least agreed first, marking those that split the team', () => {
    const { vignettes: rows } = calibrationAgreement(vignettes, ratings);
    expect(rows.map((v) => [v.vignetteId, v.counts, v.splitsTeam])).toEqual([
      ['v2', [0, 1, 1, 1], true],
      ['v3', [2, 1, 0, 0], true],
      ['v1', [0, 3, 0, 0], false],
    ]);
    expect(rows[1]!.agreement).toBeCloseTo(1 / 3, 10);
  });

  it("gives each practitioner's agreement with the reference and the rules engine", () => {
    // p1 vs reference: (2,2) (3,3) (1,1) → p_o 1, p_e 3 × 1/9 = 1/3 → κ 1.
    // p1 vs engine: (2,2) (3,2) (1,1) → p_o 2/3; p_e = 1/3 × 1/3 + 1/3 × 2/3 = 1/3 → κ 0.5.
    // p2 vs reference: (2,2) (2,3) (1,1) → p_o 2/3; p_e = 1/3 × 1/3 + 2/3 × 1/3 = 1/3 → κ 0.5.
    // p2 vs engine: (2,2) (2,2) (1,1) → p_o 1 → κ 1.
    // p3 vs reference: (2,2) (4,3) (2,1) → p_o 1/3; p_e = 2/3 × 1/3 = 2/9 → κ (1/9) / (7/9) = 1/7.
    const { practitioners } = calibrationAgreement(vignettes, ratings);
    const kappa = (r: (typeof practitioners)[number]['kappaWithEngine']): number | null =>
      r.ok ? r.value.kappa : null;
    expect(
      practitioners.map((p) => [p.practitionerId, p.withReference.numerator, p.withReference.denominator]),
    ).toEqual([
      ['p1', 3, 3],
      ['p2', 2, 3],
      ['p3', 1, 3],
    ]);
    expect(kappa(practitioners[0]!.kappaWithReference)).toBeCloseTo(1, 10);
    expect(kappa(practitioners[0]!.kappaWithEngine)).toBeCloseTo(0.5, 10);
    expect(kappa(practitioners[1]!.kappaWithReference)).toBeCloseTo(0.5, 10);
    expect(kappa(practitioners[1]!.kappaWithEngine)).toBeCloseTo(1, 10);
    expect(kappa(practitioners[2]!.kappaWithReference)).toBeCloseTo(1 / 7, 10);
  });

  it('has no team kappa when vignettes have different numbers of raters, but still lists each vignette', () => {
    const report = calibrationAgreement(vignettes, [...ratings, rate('v1', 'p4', 2)]);
    expect(report.team).toMatchObject({ ok: false, reason: { code: 'unequal-raters' } });
    expect(report.vignettes.find((v) => v.vignetteId === 'v1')).toMatchObject({
      counts: [0, 4, 0, 0],
      agreement: 1,
    });
  });

  it('has no values for no ratings', () => {
    const report = calibrationAgreement(vignettes, []);
    expect(report.team).toMatchObject({ ok: false, reason: { code: 'too-few-values' } });
    expect(report.vignettes).toEqual([]);
    expect(report.practitioners).toEqual([]);
  });
});
