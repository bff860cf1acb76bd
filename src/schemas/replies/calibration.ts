// Replies of the calibration routes: vignettes (never their reference or engine level to raters), ratings, report.
import { z } from 'zod';
import type { HarmAssessment } from '../../domain/harm/index.ts';
import type {
  CohenKappa,
  Computed,
  FleissKappa,
  MeasureDefinition,
  Proportion,
} from '../../domain/outcomes/index.ts';
import { domainValue, instant, orNull } from './common.ts';
import { levelNumber } from './harm.ts';

const assessment = domainValue<HarmAssessment>('The vignette’s harm assessment inputs');

/** POST /calibration/vignettes: the new vignette, with its reference and engine levels (for its author). */
export const vignetteCreatedReply = z.object({
  id: z.string(),
  serviceId: z.string(),
  title: z.string(),
  narrative: z.string(),
  assessment,
  referenceLevel: levelNumber,
  engineLevel: levelNumber,
  contentVersion: z.string(),
  createdAt: instant,
});

const myRating = z.object({ level: levelNumber, rationale: orNull(z.string()), ratedAt: instant });

/** One vignette as a rater sees it: never its reference or engine level, nobody else's rating. */
export const vignetteViewReply = z.object({
  id: z.string(),
  serviceId: z.string(),
  title: z.string(),
  narrative: z.string(),
  assessment,
  createdAt: instant,
  writtenByMe: z
    .boolean()
    .describe('The signed-in user wrote it and set its reference level, so does not rate it'),
  myRating: orNull(myRating),
});

/** GET /calibration/vignettes. */
export const vignetteListReply = z.object({ vignettes: z.array(vignetteViewReply) });

/** POST /calibration/vignettes/:id/ratings. */
export const ratingReply = z.object({
  vignetteId: z.string(),
  level: levelNumber,
  rationale: orNull(z.string()),
  ratedAt: instant,
});

const kappa = domainValue<Computed<CohenKappa>>('Cohen’s kappa, or why it cannot be computed');

/** Why a kappa should not be read as agreement (src/domain/outcomes/kappa-interpretability.ts). */
export const kappaWarningReply = z.object({
  code: z.enum(['too-few-vignettes', 'too-few-raters', 'no-agreement']),
  text: z.string(),
});
const warnings = (about: string) =>
  z.array(kappaWarningReply).describe(`Why ${about} should not be read as agreement; empty when it may be`);

/** One practitioner's agreement with the reference level and with the engine. */
export const practitionerRowReply = z.object({
  raterId: z.string(),
  displayName: orNull(z.string()),
  withReference: domainValue<Proportion>('Share of ratings equal to the reference level'),
  vsReference: kappa,
  vsEngine: kappa,
  vsReferenceWarnings: warnings('the kappa against the reference'),
  vsEngineWarnings: warnings('the kappa against the engine'),
});

/** One rated vignette: how the team's ratings spread over the four levels. */
export const vignetteAgreementRowReply = z.object({
  id: z.string(),
  title: orNull(z.string()),
  referenceLevel: levelNumber,
  engineLevel: orNull(levelNumber),
  contentVersion: orNull(z.string()),
  counts: z.object({ 1: z.number(), 2: z.number(), 3: z.number(), 4: z.number() }),
  raters: z.number(),
  agreement: orNull(z.number()),
  splitsTeam: z.boolean(),
});

/** GET /calibration/report. */
export const calibrationReportReply = z.object({
  fleiss: domainValue<Computed<FleissKappa>>('Fleiss’ kappa for the team, or why it cannot be computed'),
  warnings: warnings('the team’s kappa (too few vignettes or raters, no rating matching)'),
  perPractitioner: z.array(practitionerRowReply),
  vignettes: z.array(vignetteAgreementRowReply).describe('Least agreement first'),
  unrated: z.array(z.object({ id: z.string(), title: z.string() })),
  definitions: z.array(domainValue<MeasureDefinition>('How a measure is defined, with its source')),
});

export type VignetteView = z.output<typeof vignetteViewReply>;
export type PractitionerRow = z.output<typeof practitionerRowReply>;
export type VignetteAgreementRow = z.output<typeof vignetteAgreementRowReply>;
export type CalibrationReportView = z.output<typeof calibrationReportReply>;

/** POST /calibration/vignettes/starter: the starter vignettes added now; those already loaded are not added again. */
export const starterVignettesReply = z.object({
  serviceId: z.string(),
  added: z.array(z.object({ id: z.string(), title: z.string(), referenceLevel: levelNumber })),
  alreadyLoaded: z.number().int().describe('Starter vignettes the service already had, so not added again'),
});
