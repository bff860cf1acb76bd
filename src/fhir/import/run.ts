// Importing a `transaction` or `batch` Bundle (POST /fhir/R4, and `kaspr import`). Patients first (found by their
// identifiers, so the same Bundle imported twice creates nothing new), then each record through the native code
// path, with `urn:uuid:` references between entries resolved to the records made. A patient's weight, height,
// allergies and medications from one Bundle become one new version of the record. Every entry is answered: made,
// already held, or not imported and why. A transaction is all or nothing (one database transaction: the first
// entry KASPR refuses rolls everything back and is named in the OperationOutcome); a batch answers each entry alone.
import type { FastifyRequest } from 'fastify';
import { authOf, type AppContext } from '../../api/context.ts';
import { patientAccess } from '../../api/patient-access.ts';
import { ProblemError } from '../../api/problem.ts';
import { correctRecord } from '../../api/routes/patients.ts';
import { patientServiceToday } from '../../api/services-today.ts';
import { allergyStatus } from '../../domain/patient/allergy-status.ts';
import { correctPatientSchema, identifierSchema, type PatientRecord } from '../../schemas/patient.ts';
import { joinTransaction } from '../../store/db.ts';
import { findPatient, findPatientsByIdentifiers, lockIdentifiers } from '../../store/patients.ts';
import { measureRequest } from '../create/observation.ts';
import { patientRequest } from '../create/patient.ts';
import { objects, str, type Json } from '../create/read.ts';
import { FhirRefusal, unprocessable, fieldsOf } from '../create/refusal.ts';
import { receiveDocument, receivePatient, receiveResponse, receiveVitals } from '../create/handlers.ts';
import { operationOutcome, outcomeOfProblem, type IssueSeverity } from '../outcome.ts';
import type { OperationOutcome } from '../types.ts';
import { planBundle, type BundlePlan, type PlannedEntry } from './plan.ts';
import { allergyFrom, medicationFrom, patientReferenceOf } from './records.ts';

export interface EntryResponse {
  status: string;
  location?: string;
  outcome?: OperationOutcome;
}

export interface ImportOptions {
  /** The service of patients whose Patient names none (managingOrganization); else the user's only service. */
  serviceId?: string | undefined;
}

const URI = 'urn:ietf:rfc:3986';
const REASON = 'Received in a FHIR Bundle';

const note = (severity: IssueSeverity, code: string, diagnostics: string) =>
  operationOutcome([{ severity, code, diagnostics }]);
const notImported = (reason: string): EntryResponse => ({
  status: '422 Unprocessable Entity',
  outcome: note('warning', 'not-supported', `Not imported: ${reason}.`),
});

/** A refusal as a status and OperationOutcome; anything else is a fault and passes through. */
function refusalOf(err: unknown): { status: number; outcome: OperationOutcome } {
  if (err instanceof FhirRefusal) return { status: err.status, outcome: err.outcome };
  if (err instanceof ProblemError) return { status: err.status, outcome: outcomeOfProblem(err) };
  throw err;
}

/** The outcome with each issue's expression moved under the entry (`Patient.birthDate` → `Bundle.entry[3].resource.birthDate`). */
function atEntry(outcome: OperationOutcome, index: number): OperationOutcome {
  const at = `Bundle.entry[${index}]`;
  return {
    ...outcome,
    issue: outcome.issue.map((i) => ({
      ...i,
      expression: (i.expression ?? [at]).map((e) =>
        e.startsWith(at) ? e : e.replace(/^[A-Z][A-Za-z]*(\.|$)/, `${at}.resource$1`),
      ),
    })),
  };
}

/** A weight or height from the Bundle: the value as the record keeps it, and its amount (kg or cm). */
interface Measure {
  entry: PlannedEntry;
  value: { measuredOn: string };
  amount: number;
}
interface HeldMeasure {
  measuredOn: string;
  amount: number;
}
/** An allergy or medication from the Bundle, with the name it is matched on. */
interface Named {
  entry: PlannedEntry;
  name: string;
  value: unknown;
}
interface PatientChanges {
  weight?: Measure;
  height?: Measure;
  allergies: Named[];
  medications: Named[];
  /** An AllergyIntolerance stating no known allergies (the record's allergy status, not a list entry). */
  noneKnown?: PlannedEntry;
}

class BundleImport {
  /** Patient ids by the fullUrl of the entry that named them. */
  private readonly patients = new Map<string, string>();
  readonly responses: EntryResponse[];

  constructor(
    private readonly ctx: AppContext,
    private readonly req: FastifyRequest,
    private readonly plan: BundlePlan,
    private readonly options: ImportOptions,
  ) {
    this.responses = plan.entries.map((e) =>
      e.kind === 'skip' ? notImported(e.reason ?? 'not read') : { status: '' },
    );
  }

  /** Runs one entry's step; a refusal fails a transaction, or answers the entry of a batch. */
  private async step(entry: PlannedEntry, run: () => Promise<EntryResponse>): Promise<void> {
    try {
      this.responses[entry.index] = await run();
    } catch (err) {
      const { status, outcome } = refusalOf(err);
      const located = atEntry(outcome, entry.index);
      if (this.plan.type === 'transaction') throw new FhirRefusal(status, located);
      this.responses[entry.index] = { status: String(status), outcome: located };
    }
  }

  private of(kind: PlannedEntry['kind']) {
    return this.plan.entries.filter((e) => e.kind === kind);
  }

  async run(): Promise<EntryResponse[]> {
    for (const entry of this.of('patient')) await this.step(entry, () => this.patient(entry));
    for (const entry of this.of('vitals')) await this.step(entry, () => this.vitals(entry));
    for (const entry of this.of('response')) await this.step(entry, () => this.response(entry));
    for (const entry of this.of('document')) await this.step(entry, () => this.document(entry));
    await this.records();
    if (this.responses.some((r) => r.status === '')) throw new Error('an import entry was left unanswered');
    return this.responses;
  }

  /** The patient an entry refers to, with the reference rewritten to the record's id. */
  private subject(entry: PlannedEntry): { patientId: string; resource: Json } {
    const reference = patientReferenceOf(entry.resource);
    const field = entry.resource.resourceType === 'AllergyIntolerance' ? 'patient' : 'subject';
    const path = `${String(entry.resource.resourceType)}.${field}`;
    if (reference === undefined) throw unprocessable([{ path, message: 'Must reference the patient' }]);
    const local = reference.startsWith('urn:') ? this.patients.get(reference) : undefined;
    const literal = /(?:^|\/)Patient\/([0-9a-f-]{36})$/.exec(reference)?.[1];
    const patientId = local ?? literal;
    if (patientId === undefined)
      throw unprocessable([
        {
          path,
          message: reference.startsWith('urn:')
            ? `${reference} is not a Patient imported from this Bundle`
            : 'Must reference the patient as Patient/<id> or by the fullUrl of a Patient entry',
        },
      ]);
    return { patientId, resource: { ...entry.resource, [field]: { reference: `Patient/${patientId}` } } };
  }

  private async patient(entry: PlannedEntry): Promise<EntryResponse> {
    const request = patientRequest(entry.resource);
    const user = authOf(this.req).user;
    const serviceId =
      str(request.body.serviceId) ??
      this.options.serviceId ??
      (user.service_ids.length === 1 ? user.service_ids[0] : undefined);
    // Identifiers KASPR cannot keep are left out, and said so; the rest identify the patient.
    const warnings: string[] = [];
    const kept = objects(entry.resource.identifier).filter((identifier, at) => {
      const mapped = patientRequest({ resourceType: 'Patient', identifier: [identifier] }).body.identifiers;
      const ok = Array.isArray(mapped) && identifierSchema.safeParse(mapped[0]).success;
      if (!ok) warnings.push(`identifier[${at}] was not kept (${str(identifier.system) ?? 'no system'})`);
      return ok;
    });
    const resource = { ...entry.resource, identifier: kept };
    const identifiers = (patientRequest(resource).body.identifiers ?? []) as {
      system: string;
      value: string;
    }[];
    const within = (serviceId !== undefined ? [serviceId] : user.service_ids).filter((s) =>
      user.service_ids.includes(s),
    );
    const keys = identifiers.map((i) => identifierSchema.parse(i));
    const outcome = (head: string) =>
      note('information', 'informational', [head, ...warnings].join('; ') + '.');
    // Matched and registered in one transaction holding a lock on each identifier, so two imports of the same new
    // patient at the same moment make one record, not two.
    const found = await this.ctx.db.transaction(async (tx) => {
      await lockIdentifiers(tx, within, keys);
      const held = await findPatientsByIdentifiers(tx, within, keys);
      if (held.length > 1)
        throw unprocessable([
          {
            path: 'Patient.identifier',
            message: `These identifiers match ${held.length} patients; resolve them in KASPR first`,
          },
        ]);
      const known = held[0];
      if (known !== undefined) return { known };
      const inner = { ...this.ctx, db: joinTransaction(this.ctx.db, tx) };
      return { created: await receivePatient(inner, this.req, resource, { serviceId }) };
    });
    if (found.known !== undefined) {
      if (entry.fullUrl) this.patients.set(entry.fullUrl, found.known);
      return {
        status: '200 OK',
        location: `Patient/${found.known}`,
        outcome: outcome('Already held (matched by identifier); the record is not changed by an import'),
      };
    }
    const created: PatientRecord = found.created;
    if (entry.fullUrl) this.patients.set(entry.fullUrl, created.id);
    return {
      status: '201 Created',
      location: `Patient/${created.id}/_history/${created.version}`,
      ...(warnings.length > 0 ? { outcome: outcome('Created') } : {}),
    };
  }

  private async vitals(entry: PlannedEntry): Promise<EntryResponse> {
    const { resource } = this.subject(entry);
    const source = entry.fullUrl?.startsWith('urn:uuid:') ? { system: URI, value: entry.fullUrl } : undefined;
    const saved = await receiveVitals(this.ctx, this.req, resource, source);
    return saved.created
      ? { status: '201 Created', location: `Observation/${saved.resource.id}/_history/1` }
      : {
          status: '200 OK',
          location: `Observation/${saved.resource.id}`,
          outcome: note('information', 'informational', 'Already held: this reading was imported before.'),
        };
  }

  private async response(entry: PlannedEntry): Promise<EntryResponse> {
    const { resource } = this.subject(entry);
    const saved = await receiveResponse(this.ctx, this.req, resource);
    return saved.created
      ? { status: '201 Created', location: `QuestionnaireResponse/${saved.id}/_history/1` }
      : {
          status: '200 OK',
          location: `QuestionnaireResponse/${saved.id}`,
          outcome: note(
            'information',
            'informational',
            'Already held: a response to this questionnaire at the same time.',
          ),
        };
  }

  private async document(entry: PlannedEntry): Promise<EntryResponse> {
    const { resource } = this.subject(entry);
    const source = entry.fullUrl?.startsWith('urn:uuid:') ? { system: URI, value: entry.fullUrl } : undefined;
    const saved = await receiveDocument(this.ctx, this.req, resource, source);
    return saved.created
      ? { status: '201 Created', location: `DocumentReference/${saved.resource.id}/_history/1` }
      : {
          status: '200 OK',
          location: `DocumentReference/${saved.resource.id}`,
          outcome: note('information', 'informational', 'Already held: this document was received before.'),
        };
  }

  /** Weight, height, allergies and medications: one new version of each patient's record that gains any. */
  private async records(): Promise<void> {
    const byPatient = new Map<string, PatientChanges>();
    const changesOf = (id: string) => {
      const found = byPatient.get(id) ?? { allergies: [], medications: [] };
      byPatient.set(id, found);
      return found;
    };
    const now = this.ctx.now();
    for (const entry of this.plan.entries)
      await this.step(entry, async () => {
        if (entry.kind === 'measure') {
          const { patientId, resource } = this.subject(entry);
          const request = measureRequest(resource);
          const today = await patientServiceToday(this.ctx.db, patientId, now);
          const parsed = correctPatientSchema.partial({ reason: true }).safeParse(request.changesOn(today));
          if (!parsed.success)
            throw unprocessable(
              fieldsOf(parsed.error.issues).map((e) => ({
                path: request.pathOf(e.path),
                message: e.message,
              })),
            );
          const changes = changesOf(patientId);
          const { weight, height } = parsed.data;
          const later = (held: { value: { measuredOn: string } } | undefined, on: string) =>
            held === undefined || held.value.measuredOn <= on;
          if (weight && later(changes.weight, weight.measuredOn))
            changes.weight = { entry, value: weight, amount: weight.kg };
          else if (height && later(changes.height, height.measuredOn))
            changes.height = { entry, value: height, amount: height.cm };
          return { status: '' };
        }
        if (entry.kind === 'allergy' || entry.kind === 'medication') {
          const mapped =
            entry.kind === 'allergy' ? allergyFrom(entry.resource) : medicationFrom(entry.resource);
          if ('skip' in mapped) return notImported(mapped.skip);
          const { patientId } = this.subject(entry);
          const changes = changesOf(patientId);
          if ('noneKnown' in mapped.value) {
            changes.noneKnown = entry;
            return { status: '' };
          }
          const name = 'substance' in mapped.value ? mapped.value.substance : mapped.value.name;
          (entry.kind === 'allergy' ? changes.allergies : changes.medications).push({
            entry,
            name: name ?? '',
            value: mapped.value,
          });
          return { status: '' };
        }
        return this.responses[entry.index] ?? { status: '' };
      });
    for (const [patientId, changes] of byPatient) await this.applyChanges(patientId, changes);
  }

  private async applyChanges(patientId: string, changes: PatientChanges): Promise<void> {
    const entries = [
      changes.weight?.entry,
      changes.height?.entry,
      ...changes.allergies.map((a) => a.entry),
      changes.noneKnown,
      ...changes.medications.map((m) => m.entry),
    ].filter((e): e is PlannedEntry => e !== undefined);
    const first = entries[0];
    if (!first) return;
    // Measures superseded by a later one in the same Bundle.
    for (const e of this.plan.entries)
      if (e.kind === 'measure' && this.responses[e.index]?.status === '' && !entries.includes(e)) {
        const { patientId: owner } = this.subject(e);
        if (owner === patientId)
          this.responses[e.index] = {
            status: '200 OK',
            outcome: note(
              'information',
              'informational',
              'Not applied: KASPR keeps the latest measurement, and this Bundle holds a later one.',
            ),
          };
      }
    await this.step(first, async () => {
      const current = await findPatient(this.ctx.db, patientId);
      if (!current) throw unprocessable([{ path: 'Patient', message: 'The patient is not known' }]);
      const update: Record<string, unknown> = {};
      const held = (entry: PlannedEntry, why: string) => {
        this.responses[entry.index] = {
          status: '200 OK',
          location: `Patient/${patientId}`,
          outcome: note('information', 'informational', why),
        };
      };
      const measure = (
        key: 'weight' | 'height',
        incoming: Measure | undefined,
        on: HeldMeasure | undefined,
      ) => {
        if (!incoming) return;
        if (on && on.measuredOn > incoming.value.measuredOn)
          held(incoming.entry, `Not applied: the record holds a later ${key} (${on.measuredOn}).`);
        else if (on && on.measuredOn === incoming.value.measuredOn && on.amount === incoming.amount)
          held(incoming.entry, `Already held: this ${key}.`);
        else update[key] = incoming.value;
      };
      measure(
        'weight',
        changes.weight,
        current.weight && { measuredOn: current.weight.measuredOn, amount: current.weight.kg },
      );
      measure(
        'height',
        changes.height,
        current.height && { measuredOn: current.height.measuredOn, amount: current.height.cm },
      );
      const merge = (
        list: 'allergies' | 'medications',
        names: readonly string[],
        items: readonly Named[],
      ) => {
        const known = new Set(names.map((n) => n.toLowerCase()));
        const added: unknown[] = [];
        for (const item of items) {
          if (known.has(item.name.toLowerCase()))
            held(item.entry, `Already held: ${item.name} is on the record.`);
          else {
            known.add(item.name.toLowerCase());
            added.push(item.value);
          }
        }
        if (added.length > 0) update[list] = [...current[list], ...added];
      };
      merge(
        'allergies',
        current.allergies.map((a) => a.substance),
        changes.allergies,
      );
      merge(
        'medications',
        current.medications.map((m) => m.name),
        changes.medications,
      );
      // The allergy status follows the list: an allergy received for a record that said none known (or not asked)
      // makes it "recorded"; a received "no known allergies" is taken only for a record that lists none.
      const listsAllergies =
        allergyStatus((update.allergies as { substance: string }[] | undefined) ?? current.allergies) ===
        'recorded';
      if (update.allergies !== undefined && listsAllergies && current.allergyStatus !== undefined)
        update.allergyStatus = 'recorded';
      if (changes.noneKnown) {
        if (listsAllergies)
          this.responses[changes.noneKnown.index] = notImported(
            'it states no known allergies, but the record lists allergies (rule allergy-status-contradiction)',
          );
        else if (current.allergyStatus === 'none-known')
          held(changes.noneKnown, 'Already held: the record states no known allergies.');
        else update.allergyStatus = 'none-known';
      }
      if (Object.keys(update).length === 0) return this.responses[first.index] ?? { status: '200 OK' };
      const parsed = correctPatientSchema.safeParse({ ...update, reason: REASON });
      if (!parsed.success)
        throw unprocessable(
          fieldsOf(parsed.error.issues).map((e) => ({ path: 'Patient', message: `${e.path}: ${e.message}` })),
        );
      const { reason, ...fields } = parsed.data;
      const access = await patientAccess(this.ctx, this.req, patientId, 'fhir.import');
      const record = await correctRecord(this.ctx, this.req, access, undefined, fields, reason);
      for (const e of entries)
        if (this.responses[e.index]?.status === '')
          this.responses[e.index] = {
            status: '201 Created',
            location: `Patient/${patientId}/_history/${record.version}`,
          };
      return this.responses[first.index] ?? { status: '201 Created' };
    });
    // In a batch, a refused record change answers every entry that fed it.
    const answer = this.responses[first.index];
    for (const e of entries)
      if (answer && this.responses[e.index]?.status === '') this.responses[e.index] = answer;
  }
}

/** Imports a Bundle; gives the transaction-response or batch-response entries, one per entry, in order. */
export async function importBundle(
  ctx: AppContext,
  req: FastifyRequest,
  body: unknown,
  options: ImportOptions = {},
): Promise<{ type: 'transaction-response' | 'batch-response'; responses: EntryResponse[] }> {
  const plan = planBundle(body);
  if (plan.type === 'batch')
    return { type: 'batch-response', responses: await new BundleImport(ctx, req, plan, options).run() };
  const responses = await ctx.db.transaction((tx) =>
    new BundleImport({ ...ctx, db: joinTransaction(ctx.db, tx) }, req, plan, options).run(),
  );
  return { type: 'transaction-response', responses };
}
