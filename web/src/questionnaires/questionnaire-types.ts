// Questionnaire shapes the web client reads: the server's reply types and the instruments' domain types.
export type {
  Answers,
  Band,
  InstrumentDefinition,
  InstrumentItem,
  ScoreResult,
} from '../../../src/domain/instruments/types.ts';
export type {
  AgainstBaseline,
  InstrumentSummary,
  ResponseEntry,
  SavedResponse,
  SelfReportForm,
} from '../../../src/schemas/replies/questionnaires.ts';

/** Answers being entered: item number → chosen score. */
export type DraftAnswers = Readonly<Record<string, number>>;
