// Replies of the questionnaire routes: instrument definitions and scores, saved responses with their trend,
// and patient self-report links.
import { z } from 'zod';
import type { toFhirQuestionnaire } from '../../domain/instruments/fhir-questionnaire.ts';
import type { ResponseAssessment } from '../../domain/instruments/response.ts';
import type { InstrumentDefinition, ScoreResult } from '../../domain/instruments/types.ts';
import { createdReply, domainValue, instant, orNull } from './common.ts';

/** One entry of GET /instruments (and the reply to POST /instruments/import). */
export const instrumentSummaryReply = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  recallPeriod: z.string(),
  itemCount: z.number(),
  hasTotal: z.boolean(),
  validated: z.boolean(),
  textAvailable: z.boolean().describe('Every item’s text is loaded, so the form can be shown'),
});

/** GET /instruments. */
export const instrumentListReply = z.object({ instruments: z.array(instrumentSummaryReply) });

/** GET /instruments/:id: the definition in force. */
export const instrumentDefinitionReply = domainValue<InstrumentDefinition>(
  'The instrument definition in force: items, scoring, bands, flags, citation and licence',
);

/** GET /instruments/:id/questionnaire (application/fhir+json). */
export const fhirQuestionnaireReply = domainValue<ReturnType<typeof toFhirQuestionnaire>>(
  'A FHIR R4 Questionnaire resource',
);

/** POST /instruments/:id/score: the score without saving. */
export const scoreReply = domainValue<ScoreResult>('Total, band, completeness and safety flags');

/** POST /patients/:id/responses. */
export const savedResponseReply = z.object({
  id: z.string(),
  result: scoreReply,
  alertIds: z.array(z.string()),
  taskIds: z.array(z.string()),
});

/** How a later response compares with the patient's baseline. */
export type AgainstBaseline = ResponseAssessment & {
  baselineTotal: number | null;
  responseRule: InstrumentDefinition['response'];
  remissionRule: InstrumentDefinition['remission'];
};

/** One saved response, with how it compares with the patient's first complete one. */
export const responseEntryReply = z.object({
  id: z.string(),
  instrument: z.string(),
  instrumentVersion: z.string(),
  completedAt: instant,
  source: z.enum(['clinician', 'self-report']),
  recordedBy: orNull(z.object({ id: z.string(), displayName: z.string() })),
  answers: z.record(z.string(), z.number().nullable()),
  result: scoreReply,
  baselineId: orNull(z.string()),
  isBaseline: z.boolean(),
  againstBaseline: orNull(domainValue<AgainstBaseline>('Change from baseline, response and remission')),
});

/** GET /patients/:id/responses: in time order. */
export const responseListReply = z.object({ responses: z.array(responseEntryReply) });

/** POST /patients/:id/self-report-links: the link's path holds the token, shown once. */
export const selfReportLinkReply = createdReply.extend({
  path: z.string().describe('/self-report/<token>: give it to the patient; it is not shown again'),
  expiresAt: instant,
});

/** GET /self-report/:token: the questions only, no patient details. */
export const selfReportFormReply = z.object({
  expiresAt: instant,
  instruments: z.array(instrumentDefinitionReply),
});

/** POST /self-report/:token. */
export const selfReportReceivedReply = z.object({ received: z.number() });

export type InstrumentSummary = z.output<typeof instrumentSummaryReply>;
export type SavedResponse = z.output<typeof savedResponseReply>;
export type ResponseEntry = z.output<typeof responseEntryReply>;
export type SelfReportForm = z.output<typeof selfReportFormReply>;
