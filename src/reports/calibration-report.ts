// The calibration report (C6): team agreement (Fleiss), each practitioner against the reference level and the
// engine (Cohen), and the vignettes that split the team, built from the stored vignettes and ratings.
import { calibrationAgreement, measureDefinition } from '../domain/outcomes/index.ts';
import type { CalibrationReportView } from '../schemas/replies/calibration.ts';
import type { RatingRow, VignetteRow } from '../store/vignettes.ts';

/** The calibration report: team and practitioner agreement, vignettes least agreed first, and those unrated. */
export function calibrationReport(rows: VignetteRow[], ratings: RatingRow[]): CalibrationReportView {
  const report = calibrationAgreement(
    rows.map((r) => ({ id: r.id, referenceLevel: r.reference_level, engineLevel: r.engine_level })),
    ratings.map((r) => ({ vignetteId: r.vignette_id, practitionerId: r.rater_id, level: r.level })),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const names = new Map(ratings.map((r) => [r.rater_id, r.rater_name]));
  return {
    fleiss: report.team,
    warnings: [...report.teamWarnings],
    perPractitioner: report.practitioners.map((p) => ({
      raterId: p.practitionerId,
      displayName: names.get(p.practitionerId) ?? null,
      withReference: p.withReference,
      vsReference: p.kappaWithReference,
      vsEngine: p.kappaWithEngine,
      vsReferenceWarnings: [...p.warningsWithReference],
      vsEngineWarnings: [...p.warningsWithEngine],
    })),
    // Least agreement first: the top of the list is where the team splits.
    vignettes: report.vignettes.map((v) => {
      const row = byId.get(v.vignetteId);
      return {
        id: v.vignetteId,
        title: row?.title ?? null,
        referenceLevel: v.referenceLevel,
        engineLevel: row?.engine_level ?? null,
        contentVersion: row?.content_version ?? null,
        counts: { 1: v.counts[0] ?? 0, 2: v.counts[1] ?? 0, 3: v.counts[2] ?? 0, 4: v.counts[3] ?? 0 },
        raters: v.counts.reduce((a, b) => a + b, 0),
        agreement: v.agreement,
        splitsTeam: v.splitsTeam,
      };
    }),
    unrated: rows
      .filter((r) => !report.vignettes.some((v) => v.vignetteId === r.id))
      .map((r) => ({ id: r.id, title: r.title })),
    definitions: [
      measureDefinition('calibration-fleiss-kappa'),
      measureDefinition('calibration-cohen-kappa'),
      measureDefinition('calibration-split-vignettes'),
    ],
  };
}
