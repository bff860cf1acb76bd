// Calibration vignettes: team agreement (Fleiss), each practitioner against reference and engine (Cohen), splits.
import type { LevelNumber } from '../harm/pack-types.ts';
import { cohenKappa, fleissKappa, subjectAgreement, type CohenKappa, type FleissKappa } from './kappa.ts';
import { cohenWarnings, fleissWarnings, type KappaWarning } from './kappa-interpretability.ts';
import { proportionOf, type Computed, type Proportion } from './results.ts';

const LEVELS: readonly LevelNumber[] = [1, 2, 3, 4];

/** A written case the team rates, with the agreed reference level and what the rules engine proposes. */
export interface Vignette {
  readonly id: string;
  readonly referenceLevel: LevelNumber;
  readonly engineLevel: LevelNumber;
}

/** One practitioner's level for one vignette. */
export interface VignetteRating {
  readonly vignetteId: string;
  readonly practitionerId: string;
  readonly level: LevelNumber;
}

/** How the team rated one vignette. */
export interface VignetteAgreement {
  readonly vignetteId: string;
  /** Raters at levels 1 to 4. */
  readonly counts: readonly number[];
  /** P_i: share of rater pairs giving the same level; null with fewer than two raters. */
  readonly agreement: number | null;
  /** True when fewer than half of the rater pairs agree (KASPR's threshold). */
  readonly splitsTeam: boolean;
  readonly referenceLevel: LevelNumber;
}

/** One practitioner's agreement with the reference rating and with the rules engine. */
export interface PractitionerAgreement {
  readonly practitionerId: string;
  readonly withReference: Proportion;
  readonly kappaWithReference: Computed<CohenKappa>;
  readonly kappaWithEngine: Computed<CohenKappa>;
  /** Why `kappaWithReference` should not be read as agreement (too few vignettes, nothing matched); often empty. */
  readonly warningsWithReference: readonly KappaWarning[];
  /** Why `kappaWithEngine` should not be read as agreement. */
  readonly warningsWithEngine: readonly KappaWarning[];
}

/** The calibration exercise's results. */
export interface CalibrationReport {
  readonly team: Computed<FleissKappa>;
  /** Why the team's kappa should not be read as agreement (too few vignettes or raters, nothing matched). */
  readonly teamWarnings: readonly KappaWarning[];
  /** Vignettes, least agreement first: the top of the list is where the team splits. */
  readonly vignettes: readonly VignetteAgreement[];
  readonly practitioners: readonly PractitionerAgreement[];
}

/** Fewer than half of the pairs agreeing is a split (KASPR synthesis, not a published cut-off). */
export const SPLIT_BELOW = 0.5;

/**
 * Measures `calibration-fleiss-kappa`, `calibration-cohen-kappa` and `calibration-split-vignettes`. Ratings of
 * unknown vignettes are ignored, and so is any second rating a practitioner gives the same vignette.
 */
export function calibrationAgreement(
  vignettes: readonly Vignette[],
  ratings: readonly VignetteRating[],
): CalibrationReport {
  const byId = new Map(vignettes.map((v) => [v.id, v]));
  const seen = new Set<string>();
  const usable = ratings.filter((r) => {
    const key = `${r.vignetteId}\u0000${r.practitionerId}`;
    if (!byId.has(r.vignetteId) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const rated = vignettes.filter((v) => usable.some((r) => r.vignetteId === v.id));
  const counts = (v: Vignette): number[] =>
    LEVELS.map((level) => usable.filter((r) => r.vignetteId === v.id && r.level === level).length);
  const perVignette = rated.map((v): VignetteAgreement => {
    const agreement = subjectAgreement(counts(v));
    return {
      vignetteId: v.id,
      counts: counts(v),
      agreement,
      splitsTeam: agreement !== null && agreement < SPLIT_BELOW,
      referenceLevel: v.referenceLevel,
    };
  });
  const practitionerIds = [...new Set(usable.map((r) => r.practitionerId))].sort();
  const team = fleissKappa(rated.map(counts));
  return {
    team,
    teamWarnings: fleissWarnings(team),
    vignettes: [...perVignette].sort(
      (a, b) => (a.agreement ?? 1) - (b.agreement ?? 1) || a.vignetteId.localeCompare(b.vignetteId),
    ),
    practitioners: practitionerIds.map((practitionerId) => {
      const own = usable.flatMap((r) => {
        const v = byId.get(r.vignetteId);
        return r.practitionerId === practitionerId && v !== undefined ? [{ level: r.level, v }] : [];
      });
      const kappaWithReference = cohenKappa(
        own.map((o) => [o.level, o.v.referenceLevel] as const),
        LEVELS,
      );
      const kappaWithEngine = cohenKappa(
        own.map((o) => [o.level, o.v.engineLevel] as const),
        LEVELS,
      );
      return {
        practitionerId,
        withReference: proportionOf(
          own.filter((o) => o.level === o.v.referenceLevel).length,
          own.length,
          'vignettes rated',
        ),
        kappaWithReference,
        kappaWithEngine,
        warningsWithReference: cohenWarnings(kappaWithReference),
        warningsWithEngine: cohenWarnings(kappaWithEngine),
      };
    }),
  };
}
