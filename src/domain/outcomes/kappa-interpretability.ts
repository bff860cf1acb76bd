// When a calibration kappa is too thin to read: too few vignettes, too few raters, or no rating matching at all.
import type { CohenKappa, FleissKappa } from './kappa.ts';
import type { Computed } from './results.ts';

/**
 * The fewest vignettes (rated items) behind a kappa before it is read as agreement. No file in
 * domain/ gives a minimum (domain/harm.md has no calibration guidance), so this is KASPR's conservative choice:
 * with n items one disagreement moves the observed agreement by 1/n and kappa by at least 1/n, so below 10 a
 * single rating moves kappa by more than 0.1, wider than the Landis & Koch (1977) bands it would be read against.
 * Sample-size work for kappa (Cantor 1996, Psychol Methods 1:150–3; Bujang & Baharum 2017, Epidemiol Biostat
 * Public Health 14(2)) shows the number needed for a stated precision is usually far larger; 10 is a floor.
 */
export const MIN_VIGNETTES_FOR_KAPPA = 10;

/**
 * The fewest raters behind the team's (Fleiss') kappa. Fleiss (1971) needs two at least; with two it is one
 * pair's agreement, not a team's, so KASPR asks for three before calling it the team's agreement.
 */
export const MIN_RATERS_FOR_TEAM_KAPPA = 3;

export type KappaWarningCode = 'too-few-vignettes' | 'too-few-raters' | 'no-agreement';

/** Why a kappa should not be read as a level of agreement, in words for the screen and the exports. */
export interface KappaWarning {
  readonly code: KappaWarningCode;
  readonly text: string;
}

/** What the rule looks at: how many items were rated, by how many raters, and the share that agreed. */
export interface KappaBasis {
  /** Vignettes rated (Fleiss: subjects; Cohen: items both rated). */
  readonly items: number;
  /** Raters of each vignette: the team's size for Fleiss, 2 for Cohen (one rater against a reference). */
  readonly raters: number;
  /** Observed agreement, 0–1 (Fleiss: P̄; Cohen: p_o). */
  readonly agreement: number;
  /** True for the team's kappa, where the number of raters matters. */
  readonly team: boolean;
}

/**
 * The reasons a kappa is not interpretable; none when it may be read against the Landis & Koch bands.
 * Boundaries: `items` below MIN_VIGNETTES_FOR_KAPPA, a team kappa with `raters` below
 * MIN_RATERS_FOR_TEAM_KAPPA, and an observed agreement of exactly 0.
 */
export function kappaWarnings(basis: KappaBasis): KappaWarning[] {
  const out: KappaWarning[] = [];
  if (basis.items < MIN_VIGNETTES_FOR_KAPPA) {
    out.push({
      code: 'too-few-vignettes',
      text:
        `Too few vignettes to interpret: ${basis.items} rated, at least ${MIN_VIGNETTES_FOR_KAPPA} needed. ` +
        'With so few, one rating changes kappa by more than 0.1.',
    });
  }
  if (basis.team && basis.raters < MIN_RATERS_FOR_TEAM_KAPPA) {
    out.push({
      code: 'too-few-raters',
      text:
        `Too few raters to interpret: ${basis.raters} rated each vignette, at least ${MIN_RATERS_FOR_TEAM_KAPPA} ` +
        'needed for a team’s agreement.',
    });
  }
  if (basis.agreement === 0) {
    // κ = (p_o − p_e)/(1 − p_e) is −p_e/(1 − p_e) ≤ 0 when p_o = 0; it is exactly 0 when the levels used never
    // overlap (p_e = 0), which the Landis & Koch bands would call "slight" though nothing matched.
    out.push({
      code: 'no-agreement',
      text: 'No rating matched (0 % agreement), so kappa shows no agreement at all, not "slight" agreement.',
    });
  }
  return out;
}

/** The warnings for the team's Fleiss' kappa; none when it was not computed (its reason is shown instead). */
export function fleissWarnings(k: Computed<FleissKappa>): KappaWarning[] {
  return k.ok
    ? kappaWarnings({
        items: k.value.subjects,
        raters: k.value.raters,
        agreement: k.value.meanAgreement,
        team: true,
      })
    : [];
}

/** The warnings for one practitioner's Cohen's kappa; none when it was not computed. */
export function cohenWarnings(k: Computed<CohenKappa>): KappaWarning[] {
  return k.ok
    ? kappaWarnings({ items: k.value.items, raters: 2, agreement: k.value.observedAgreement, team: false })
    : [];
}
