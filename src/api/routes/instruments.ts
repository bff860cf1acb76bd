// Questionnaire definitions: list, read, FHIR export and import, and scoring without saving.
import { fromFhirQuestionnaire, toFhirQuestionnaire } from '../../domain/instruments/fhir-questionnaire.ts';
import { scoreAnswers } from '../../domain/instruments/engine.ts';
import type { Answers, InstrumentDefinition, ScoreResult } from '../../domain/instruments/types.ts';
import { instrumentIdParam, scoreRequestSchema } from '../../schemas/instruments.ts';
import { definitionInForce, definitionsInForce, saveImportedDefinition } from '../../store/instruments.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { fromDomainProblems, problem } from '../problem.ts';
import { recordChange } from '../record-change.ts';
import { storableRecord } from '../../schemas/common.ts';
import {
  fhirQuestionnaireReply,
  instrumentDefinitionReply,
  instrumentListReply,
  instrumentSummaryReply,
  scoreReply,
} from '../../schemas/replies/questionnaires.ts';

export function summary(def: InstrumentDefinition) {
  return {
    id: def.id,
    version: def.version,
    title: def.title,
    shortTitle: def.shortTitle,
    recallPeriod: def.recallPeriod,
    itemCount: def.items.length,
    hasTotal: def.totalRange !== null,
    validated: def.validated,
    textAvailable: def.items.every((i) => i.text !== undefined),
  };
}

/** Scores answers, or throws a 422 problem naming each offending item (`body.answers.N`). */
export function scoreOrRefuse(def: InstrumentDefinition, answers: Answers, pathPrefix = 'body'): ScoreResult {
  const outcome = scoreAnswers(def, answers);
  if (!outcome.ok) {
    throw problem('validation-failed', undefined, fromDomainProblems(outcome.problems, pathPrefix));
  }
  return outcome.value;
}

export async function instrumentOr404(ctx: AppContext, id: string): Promise<InstrumentDefinition> {
  const def = await definitionInForce(ctx.db, id);
  if (!def) throw problem('not-found', `No instrument "${id}".`);
  return def;
}

export function instrumentRoutes(api: ZodApp, ctx: AppContext): void {
  api.get('/instruments', route('authenticated', { 200: instrumentListReply }), async () => ({
    instruments: (await definitionsInForce(ctx.db)).map(summary),
  }));

  api.get(
    '/instruments/:id',
    route('authenticated', { params: instrumentIdParam, 200: instrumentDefinitionReply }),
    async (req) => instrumentOr404(ctx, req.params.id),
  );

  api.get(
    '/instruments/:id/questionnaire',
    route('authenticated', { params: instrumentIdParam, 200: fhirQuestionnaireReply }),
    async (req, reply) =>
      reply
        .type('application/fhir+json')
        .send(toFhirQuestionnaire(await instrumentOr404(ctx, req.params.id))),
  );

  api.post(
    '/instruments/:id/score',
    route('authenticated', { params: instrumentIdParam, body: scoreRequestSchema, 200: scoreReply }),
    async (req) => scoreOrRefuse(await instrumentOr404(ctx, req.params.id), req.body.answers),
  );

  api.post(
    '/instruments/import',
    route('settings:manage', {
      body: storableRecord().describe('A FHIR R4 Questionnaire resource'),
      201: instrumentSummaryReply,
    }),
    async (req, reply) => {
      const auth = authOf(req);
      const outcome = fromFhirQuestionnaire(req.body, await definitionsInForce(ctx.db));
      if (!outcome.ok) {
        throw problem(
          'validation-failed',
          'The Questionnaire cannot be imported.',
          fromDomainProblems(outcome.problems),
        );
      }
      const def = outcome.value;
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        await saveImportedDefinition(tx, def, auth.user.id, now);
        await recordChange(req, tx, {
          action: 'instrument.import',
          resource: { type: 'Questionnaire', id: def.id },
          details: { version: def.version },
          now,
        });
      });
      return reply.status(201).send(summary(def));
    },
  );
}
