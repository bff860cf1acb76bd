// The patient registry: register, search, view and correct a record (by new version, with If-Match).
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { allergyStatementProblem } from '../../domain/patient/allergy-status.ts';
import { formatNhsNumber } from '../../domain/patient/nhs-number.ts';
import { storableString } from '../../schemas/common.ts';
import {
  correctPatientSchema,
  createPatientSchema,
  patientSearchQuery,
  type CorrectPatient,
  type CreatePatient,
  type PatientRecord,
} from '../../schemas/patient.ts';
import {
  contentOf,
  correctPatient,
  countPatients,
  findPatient,
  insertPatient,
  lockPatient,
  recordContent,
  searchPatients,
} from '../../store/patients.ts';
import { patientReadReply, patientRecordReply, patientSearchReply } from '../../schemas/replies/patients.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { chartRead, chartWrite, route } from '../route.ts';
import { patientAccess, patientRecordRead, type PatientAccess } from '../patient-access.ts';
import { problem, ruleRefusal } from '../problem.ts';
import { auditAccess, recordChange } from '../record-change.ts';
import { serviceToday } from '../services-today.ts';

const etag = (p: PatientRecord) => `W/"${p.version}"`;

function parseIfMatch(header: string | undefined): number | null {
  if (!header) return null;
  const m = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  return m ? Number(m[1]) : NaN;
}

/** Refuses a record whose stated allergy status contradicts its allergy list (422, naming the status field). */
function checkAllergyStatement(content: Pick<PatientRecord, 'allergyStatus' | 'allergies'>): void {
  const found = allergyStatementProblem(content.allergyStatus, content.allergies);
  if (found) {
    throw ruleRefusal('out-of-bounds', found.code, found.text, undefined, [
      { path: 'body.allergyStatus', message: found.text },
    ]);
  }
}

function describeIdentifiers(p: { identifiers: { system: string; value: string }[] }): string {
  const nhs = p.identifiers.find((i) => i.system === 'nhs');
  return nhs ? ` (NHS ${formatNhsNumber(nhs.value)})` : '';
}

const ifMatchHeaders = z.object({
  'if-match': storableString().max(40).optional().describe('W/"<version>" from the ETag you read'),
});

/** A date of birth after today on the service's calendar is refused (the schema only knows the latest date anywhere). */
async function refuseFutureBirthDate(
  ctx: AppContext,
  serviceId: string,
  birthDate: string,
  now: Date,
): Promise<void> {
  if (birthDate > (await serviceToday(ctx.db, serviceId, now)))
    throw problem('validation-failed', undefined, [
      { path: 'body.birthDate', message: 'Date of birth cannot be in the future' },
    ]);
}

/**
 * Registers a patient in the caller's service (the one named, or their only one), audited and on the timeline.
 * Used by POST /patients and the FHIR Patient create.
 */
export async function registerPatient(
  ctx: AppContext,
  req: FastifyRequest,
  body: CreatePatient,
): Promise<PatientRecord> {
  const auth = authOf(req);
  const { serviceId: requested, ...fields } = body;
  const serviceId = requested ?? (auth.user.service_ids.length === 1 ? auth.user.service_ids[0] : undefined);
  if (!serviceId) {
    throw problem('validation-failed', undefined, [
      { path: 'body.serviceId', message: 'Choose the service this patient belongs to' },
    ]);
  }
  if (!auth.user.service_ids.includes(serviceId)) {
    throw problem('validation-failed', undefined, [
      { path: 'body.serviceId', message: 'You do not work in that service' },
    ]);
  }
  const now = ctx.now();
  await refuseFutureBirthDate(ctx, serviceId, fields.birthDate, now);
  const content = contentOf(fields, {
    recordedAt: now.toISOString(),
    recordedBy: { id: auth.user.id, displayName: auth.user.display_name },
  });
  checkAllergyStatement(content);
  return ctx.db.transaction(async (tx) => {
    const patient = await insertPatient(tx, serviceId, content, auth.user.id, now);
    // The chart line points at the version, the audit entry at the patient.
    const summary = `Registered${describeIdentifiers(patient)}`;
    const line = { kind: 'patient-registered', summary, ref: { type: 'PatientVersion', id: '1' } };
    const resource = { type: 'Patient', id: patient.id };
    await recordChange(req, tx, {
      action: 'patient.create',
      resource,
      patientId: patient.id,
      timeline: line,
      now,
    });
    return patient;
  });
}

/**
 * Corrects a record by a new version, audited and on the timeline. `expected` is the version the caller edited
 * (If-Match), or undefined to correct whatever version is current (a FHIR Observation of weight or height).
 */
export async function correctRecord(
  ctx: AppContext,
  req: FastifyRequest,
  access: PatientAccess,
  expected: number | undefined,
  changes: Omit<CorrectPatient, 'reason'>,
  reason: string,
): Promise<PatientRecord> {
  const auth = authOf(req);
  const fields = Object.keys(changes);
  if (fields.length === 0) {
    throw problem('validation-failed', undefined, [{ path: 'body', message: 'Nothing to correct' }]);
  }
  const now = ctx.now();
  if (changes.birthDate !== undefined)
    await refuseFutureBirthDate(ctx, access.serviceId, changes.birthDate, now);
  return ctx.db.transaction(async (tx) => {
    const locked = await lockPatient(tx, access.patientId);
    const current = locked && (await findPatient(tx, access.patientId));
    if (!locked || !current) throw problem('not-found');
    if (expected !== undefined && locked.current_version !== expected) {
      throw problem(
        'precondition-failed',
        `You edited version ${expected}; the record is now at version ${locked.current_version}.`,
      );
    }
    // A newly stated allergy status names who stated it now; an unchanged one keeps who stated it before.
    const restated =
      changes.allergyStatus !== undefined && changes.allergyStatus !== current.allergyStatus
        ? {
            recordedAt: now.toISOString(),
            recordedBy: { id: auth.user.id, displayName: auth.user.display_name },
          }
        : current.allergyStatusRecorded;
    const next = contentOf({ ...recordContent(current), ...changes }, restated);
    checkAllergyStatement(next);
    const version = locked.current_version + 1;
    const patient = await correctPatient(tx, access.patientId, version, next, auth.user.id, now, reason);
    // The chart line points at the new version, the audit entry at the patient.
    const summary = `Record corrected (version ${patient.version}): ${fields.join(', ')}`;
    const ref = { type: 'PatientVersion', id: String(patient.version) };
    await recordChange(req, tx, {
      action: 'patient.update',
      resource: { type: 'Patient', id: access.patientId },
      access,
      timeline: { kind: 'patient-corrected', summary, ref },
      details: { version: patient.version, fields },
      now,
    });
    return patient;
  });
}

/** GET /patients: the search, and which page of its results (the first 50 unless asked). */
const patientListQuery = patientSearchQuery.extend({
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(0)
    .describe(
      'How many matching patients to skip, in the list order (family name, given name, date of birth)',
    ),
});

export function patientRoutes(api: ZodApp, ctx: AppContext): void {
  api.get(
    '/patients',
    route('patient:read', { querystring: patientListQuery, 200: patientSearchReply }),
    async (req) => {
      const auth = authOf(req);
      const { limit, offset } = req.query;
      const [patients, total] = await Promise.all([
        searchPatients(ctx.db, auth.user.service_ids, req.query.q, limit, offset),
        countPatients(ctx.db, auth.user.service_ids, req.query.q),
      ]);
      await auditAccess(ctx, req, 'patient.search', 'Patient', { results: patients.length, offset });
      return { patients, total, limit, offset };
    },
  );

  api.post(
    '/patients',
    route('patient:write', { body: createPatientSchema, 201: patientRecordReply }),
    async (req, reply) => {
      const created = await registerPatient(ctx, req, req.body);
      return reply
        .status(201)
        .header('etag', etag(created))
        .header('location', `/api/v1/patients/${created.id}`)
        .send(created);
    },
  );

  api.get('/patients/:id', chartRead({ 200: patientReadReply }), async (req, reply) => {
    const { access, patient } = await patientRecordRead(ctx, req, req.params.id, 'patient.read');
    if (!patient) throw problem('not-found');
    return reply.header('etag', etag(patient)).send({ ...patient, accessViaBreakGlass: access.breakGlass });
  });

  api.patch(
    '/patients/:id',
    chartWrite({
      headers: ifMatchHeaders,
      body: correctPatientSchema,
      200: patientRecordReply,
    }),
    async (req, reply) => {
      const access = await patientAccess(ctx, req, req.params.id, 'patient.update');
      const expected = parseIfMatch(req.headers['if-match']);
      if (expected === null) throw problem('precondition-required');
      const { reason, ...changes } = req.body;
      const updated = await correctRecord(ctx, req, access, expected, changes, reason);
      return reply.header('etag', etag(updated)).send(updated);
    },
  );
}
