// Calibration vignette shapes the web client reads, built from the server's domain types.
import type { HarmAssessment, LevelNumber } from '../../../src/domain/harm/index.ts';
import type {
  CohenKappa,
  Computed,
  FleissKappa,
  MeasureDefinition,
  Proportion,
} from '../../../src/domain/outcomes/index.ts';

export type { CohenKappa, Computed, FleissKappa, LevelNumber, MeasureDefinition, Proportion };

/** One vignette as GET /calibration/vignettes lists it: never its reference or engine level. */
export interface VignetteView {
  id: string;
  serviceId: string;
  title: string;
  narrative: string;
  assessment: HarmAssessment;
  createdAt: string;
  /** The signed-in user wrote it and set its reference level, so does not rate it. */
  writtenByMe: boolean;
  myRating: { level: LevelNumber; rationale: string | null; ratedAt: string } | null;
}

/** One practitioner's agreement in GET /calibration/report. */
export interface PractitionerRow {
  raterId: string;
  displayName: string | null;
  withReference: Proportion;
  vsReference: Computed<CohenKappa>;
  vsEngine: Computed<CohenKappa>;
}

/** One rated vignette in GET /calibration/report, least agreement first. */
export interface VignetteAgreementRow {
  id: string;
  title: string | null;
  referenceLevel: LevelNumber;
  engineLevel: LevelNumber | null;
  contentVersion: string | null;
  counts: Record<LevelNumber, number>;
  raters: number;
  agreement: number | null;
  splitsTeam: boolean;
}

/** The reply to GET /calibration/report. */
export interface CalibrationReportView {
  fleiss: Computed<FleissKappa>;
  perPractitioner: PractitionerRow[];
  vignettes: VignetteAgreementRow[];
  unrated: { id: string; title: string }[];
  definitions: MeasureDefinition[];
}
