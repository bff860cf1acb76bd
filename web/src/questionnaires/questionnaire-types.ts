// Questionnaire shapes the web client reads, taken from the server's own types (domain, routes and store).
import type { RecordedResponse } from '../../../src/api/routes/patients-responses.ts';
import type { summary } from '../../../src/api/routes/instruments.ts';
import type { ResponseAssessment } from '../../../src/domain/instruments/response.ts';
import type {
  InstrumentDefinition,
  RemissionRule,
  ResponseRule,
  ScoreResult,
} from '../../../src/domain/instruments/types.ts';
import type { ResponseRow } from '../../../src/store/responses.ts';

export type {
  Answers,
  Band,
  InstrumentDefinition,
  InstrumentItem,
  ScoreResult,
} from '../../../src/domain/instruments/types.ts';

/** One entry of GET /instruments. */
export type InstrumentSummary = ReturnType<typeof summary>;

/** The reply to POST /patients/:id/responses. */
export type SavedResponse = RecordedResponse;

/** How a later response compares with the patient's baseline (GET /patients/:id/responses). */
export type AgainstBaseline = ResponseAssessment & {
  baselineTotal: number | null;
  responseRule: ResponseRule | null;
  remissionRule: RemissionRule | null;
};

/**
 * One saved response as GET /patients/:id/responses lists it. The route builds this object inline, so it is
 * assembled here from the store row and domain types it is made of.
 */
export interface ResponseEntry {
  id: string;
  instrument: string;
  instrumentVersion: string;
  completedAt: string;
  source: ResponseRow['source'];
  recordedBy: { id: string; displayName: string } | null;
  answers: ResponseRow['answers'];
  result: ScoreResult;
  baselineId: string | null;
  isBaseline: boolean;
  againstBaseline: AgainstBaseline | null;
}

/** GET /self-report/:token. */
export interface SelfReportForm {
  expiresAt: string;
  instruments: InstrumentDefinition[];
}

/** Answers being entered: item number → chosen score. */
export type DraftAnswers = Readonly<Record<string, number>>;
