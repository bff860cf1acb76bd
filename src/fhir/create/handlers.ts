// FHIR create: Patient (and conditional create), body weight, height and vital-sign Observations,
// QuestionnaireResponses to KASPR questionnaires, and DocumentReferences with their content inline. Each goes
// through the native code path (the same schema, service rules, audit, timeline, scoring, alerts and tasks) and
// answers with the resource as read back.
import type { FastifyRequest } from 'fastify';
import { recordResponse } from '../../api/routes/patients-responses.ts';
import { correctRecord, registerPatient } from '../../api/routes/patients.ts';
import { instrumentOr404, scoreOrRefuse } from '../../api/routes/instruments.ts';
import { authOf, type AppContext } from '../../api/context.ts';
import { patientAccess } from '../../api/patient-access.ts';
import { problem, ProblemError } from '../../api/problem.ts';
import { correctPatientSchema, createPatientSchema } from '../../schemas/patient.ts';
import { recordPatientVitals } from '../../api/routes/patients-vitals.ts';
import type { PatientRecord } from '../../schemas/patient.ts';
import { recordVitalsSchema } from '../../schemas/patient-vitals.ts';
import { findPatientVitals } from '../../store/patient-vitals.ts';
import {
  findPatientDocument,
  findPatientDocumentBySource,
  insertPatientDocument,
} from '../../store/patient-documents.ts';
import { findResponseAt } from '../../store/responses.ts';
import { recordChange } from '../../api/record-change.ts';
import { serviceToday } from '../../api/services-today.ts';
import { toFhirDocumentReference } from '../map/patient-document.ts';
import { documentRequest } from './document.ts';
import { patientBodyHeight, patientBodyWeight, toFhirPatient } from '../map/patient.ts';
import { vitalSignObservations, vitalsFromChart } from '../map/vitals.ts';
import { operationOutcome } from '../outcome.ts';
import type { FhirResource, Observation } from '../types.ts';
import { isVitalSign, vitalsRequest } from './vitals.ts';
import { measureRequest } from './observation.ts';
import { patientRequest } from './patient.ts';
import { responseRequest } from './questionnaire-response.ts';
import type { Json } from './read.ts';
import { FhirRefusal, fieldsOf, notKept, unprocessable, withFhirPaths } from './refusal.ts';

export interface Created {
  status: 200 | 201;
  resource: FhirResource;
}

/** What create needs from the search and read of routes.ts. */
export interface CreateDeps {
  /** The resources of a type in the user's scope that a search (as a query) matches. */
  matching: (req: FastifyRequest, type: string, query: Record<string, string[]>) => Promise<FhirResource[]>;
  /** Reads one resource the user may see, audited. */
  read: (req: FastifyRequest, type: string, id: string) => Promise<FhirResource>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A zod failure as a 422 at the FHIR paths `pathOf` gives. */
function refuse(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  pathOf: (field: string) => string | undefined,
  resourceType: string,
): FhirRefusal {
  return unprocessable(
    fieldsOf(issues).map((e) => ({ path: pathOf(e.path) ?? resourceType, message: e.message })),
  );
}

/** The patient a resource's subject names, which the user may write to (404 otherwise, as for one unknown). */
async function subjectAccess(ctx: AppContext, req: FastifyRequest, id: string | undefined, type: string) {
  if (id === undefined)
    throw unprocessable([{ path: `${type}.subject`, message: 'Must reference the patient as Patient/<id>' }]);
  if (!UUID.test(id)) throw problem('not-found', `Patient/${id} is not known.`);
  return patientAccess(ctx, req, id, 'fhir.create');
}

/** `If-None-Exist` as a query: `identifier=sys|value&…` (a leading `Patient?` is allowed). */
function conditionOf(header: string): Record<string, string[]> {
  const query: Record<string, string[]> = {};
  for (const [k, v] of new URLSearchParams(header.replace(/^[A-Za-z]*\?/, ''))) (query[k] ??= []).push(v);
  return query;
}

export async function createPatient(
  ctx: AppContext,
  req: FastifyRequest,
  resource: Json,
  deps: CreateDeps,
): Promise<Created> {
  const condition = req.headers['if-none-exist'];
  if (typeof condition === 'string' && condition.trim() !== '') {
    const found = await deps.matching(req, 'Patient', conditionOf(condition));
    if (found.length > 1)
      throw new FhirRefusal(
        412,
        operationOutcome([
          {
            severity: 'error',
            code: 'duplicate',
            diagnostics: `If-None-Exist matches ${found.length} patients; it must match at most one.`,
          },
        ]),
      );
    const match = found[0];
    if (match) return { status: 200, resource: await deps.read(req, 'Patient', match.id) };
  }
  const created = await receivePatient(ctx, req, resource);
  return { status: 201, resource: toFhirPatient(created) };
}

/** Registers a patient from a FHIR Patient through the native path (its schema, service rules, audit). */
export async function receivePatient(
  ctx: AppContext,
  req: FastifyRequest,
  resource: Json,
  defaults: { serviceId?: string | undefined } = {},
): Promise<PatientRecord> {
  const request = patientRequest(resource);
  const parsed = createPatientSchema.safeParse({ serviceId: defaults.serviceId, ...request.body });
  if (!parsed.success) throw refuse(parsed.error.issues, request.pathOf, 'Patient');
  return withFhirPaths(() => registerPatient(ctx, req, parsed.data), request.pathOf, 'Patient');
}

export async function createObservation(
  ctx: AppContext,
  req: FastifyRequest,
  resource: Json,
): Promise<Created> {
  if (isVitalSign(resource)) {
    const saved = await receiveVitals(ctx, req, resource);
    return { status: saved.created ? 201 : 200, resource: saved.resource };
  }
  const request = measureRequest(resource);
  const access = await subjectAccess(ctx, req, request.patientId, 'Observation');
  const parsed = correctPatientSchema.safeParse({
    ...request.changesOn(await serviceToday(ctx.db, access.serviceId, ctx.now())),
    reason: 'FHIR Observation',
  });
  if (!parsed.success) throw refuse(parsed.error.issues, request.pathOf, 'Observation');
  const { reason, ...changes } = parsed.data;
  const record = await withFhirPaths(
    () => correctRecord(ctx, req, access, undefined, changes, reason),
    request.pathOf,
    'Observation',
  );
  const created = changes.weight ? patientBodyWeight(record) : patientBodyHeight(record);
  if (!created) throw new Error('the corrected record has no measure');
  return { status: 201, resource: created };
}

/**
 * Records a vital-sign Observation on the patient's chart (outside a dosing session) through the native path; a
 * reading whose source is already held is found instead. Gives the Observation for the code sent.
 */
export async function receiveVitals(
  ctx: AppContext,
  req: FastifyRequest,
  resource: Json,
  source?: { system: string; value: string },
): Promise<{ created: boolean; resource: Observation }> {
  const request = vitalsRequest(resource, source);
  const access = await subjectAccess(ctx, req, request.patientId, 'Observation');
  const parsed = recordVitalsSchema.safeParse(request.body);
  if (!parsed.success) throw refuse(parsed.error.issues, request.pathOf, 'Observation');
  const now = ctx.now();
  const saved = await ctx.db.transaction((tx) => recordPatientVitals(tx, req, access, parsed.data, now));
  const row = await findPatientVitals(ctx.db, saved.id);
  const observations = row ? vitalSignObservations(vitalsFromChart(row)) : [];
  const wanted = parsed.data.systolic !== undefined ? '-bp' : '';
  const observation = observations.find((o) => o.id.endsWith(wanted)) ?? observations[0];
  if (!observation) throw new Error('the recorded reading has no observation');
  return { created: saved.created, resource: observation };
}

export async function createQuestionnaireResponse(
  ctx: AppContext,
  req: FastifyRequest,
  resource: Json,
  deps: CreateDeps,
): Promise<Created> {
  const saved = await receiveResponse(ctx, req, resource);
  return {
    status: saved.created ? 201 : 200,
    resource: await deps.read(req, 'QuestionnaireResponse', saved.id),
  };
}

/**
 * Scores and records a QuestionnaireResponse through the native path (alerts and tasks included); a response to
 * the same questionnaire the patient completed at the same instant is found instead of recorded twice.
 */
export async function receiveResponse(
  ctx: AppContext,
  req: FastifyRequest,
  resource: Json,
): Promise<{ id: string; created: boolean }> {
  const request = responseRequest(resource);
  const access = await subjectAccess(ctx, req, request.patientId, 'QuestionnaireResponse');
  const def = await instrumentOr404(ctx, request.instrument).catch((err: unknown) => {
    if (err instanceof ProblemError && err.code === 'not-found')
      throw notKept(
        `KASPR has no questionnaire "${request.instrument}".`,
        'QuestionnaireResponse.questionnaire',
      );
    throw err;
  });
  if (request.version !== undefined && request.version !== def.version)
    throw notKept(
      `${def.shortTitle} is at version ${def.version} here, not ${request.version}.`,
      'QuestionnaireResponse.questionnaire',
    );
  const result = await withFhirPaths(
    () => scoreOrRefuse(def, request.answers),
    request.pathOf,
    'QuestionnaireResponse',
  );
  const now = ctx.now();
  const completedAt = request.completedAt === undefined ? now : new Date(request.completedAt);
  if (Number.isNaN(completedAt.getTime()) || completedAt.getTime() > now.getTime() + 5 * 60_000)
    throw unprocessable([
      { path: 'QuestionnaireResponse.authored', message: 'Must be a date and time, not in the future' },
    ]);
  if (request.completedAt !== undefined) {
    const held = await findResponseAt(ctx.db, access.patientId, def.id, completedAt);
    if (held) return { id: held, created: false };
  }
  const saved = await ctx.db.transaction((tx) =>
    recordResponse(tx, req, {
      def,
      result,
      answers: request.answers,
      patientId: access.patientId,
      serviceId: access.serviceId,
      completedAt,
      now,
      source: 'clinician',
      recordedBy: authOf(req).user.id,
      flagged: access.breakGlass,
    }),
  );
  return { id: saved.id, created: true };
}

/**
 * Keeps a DocumentReference's inline content as a document on the patient's chart (audited, with a chart line); a
 * document whose source is already held is found instead. Gives the DocumentReference as read back.
 */
export async function receiveDocument(
  ctx: AppContext,
  req: FastifyRequest,
  resource: Json,
  source?: { system: string; value: string },
): Promise<{ created: boolean; resource: FhirResource }> {
  const request = documentRequest(resource, source);
  const access = await subjectAccess(ctx, req, request.patientId, 'DocumentReference');
  const now = ctx.now();
  const saved = await ctx.db.transaction(async (tx) => {
    const held = request.source && (await findPatientDocumentBySource(tx, access.patientId, request.source));
    if (held) return { id: held.id, created: false };
    const id = await insertPatientDocument(tx, {
      ...request,
      patientId: access.patientId,
      recordedBy: authOf(req).user.id,
      recordedAt: now,
    });
    await recordChange(req, tx, {
      action: 'document.create',
      resource: { type: 'PatientDocument', id },
      patientId: access.patientId,
      timeline: { kind: 'document', summary: `Document received: ${request.title}` },
      flagged: access.breakGlass,
      details: { contentType: request.contentType, size: request.content.length },
      now,
    });
    return { id, created: true };
  });
  const row = await findPatientDocument(ctx.db, saved.id);
  if (!row) throw new Error('the recorded document cannot be read back');
  return { created: saved.created, resource: toFhirDocumentReference(row) };
}

export async function createDocumentReference(
  ctx: AppContext,
  req: FastifyRequest,
  resource: Json,
): Promise<Created> {
  const saved = await receiveDocument(ctx, req, resource);
  return { status: saved.created ? 201 : 200, resource: saved.resource };
}
