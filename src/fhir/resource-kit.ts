// What every served FHIR type is made of: the ResourceType interface the table in resources.ts lists, and the small
// builders its search parameters share (tokens of a CodeableConcept, identifiers, references, dates, `_id`,
// `_lastUpdated`, `identifier`, `active`).
import { hasPermission, type Permission } from '../domain/access/roles.ts';
import type { Queryable } from '../store/db.ts';
import type { Scope } from '../store/fhir-sources.ts';
import { dateRange, type DateRange } from './search/dates.ts';
import type { SearchParam, TokenValue } from './search/params.ts';
import type { CodeableConcept, FhirResource, Identifier, Reference } from './types.ts';

/** Who a resource belongs to: its patient (if it is patient data) and the service that holds it. */
export interface Owner {
  patientId?: string | undefined;
  serviceIds: readonly string[];
}

export interface Found<R> {
  resource: R;
  owner: Owner;
}

export interface ResourceType<R extends FhirResource = FhirResource> {
  type: string;
  /** Whether its resources are patient data (searched within services, read with patient access). */
  patientData: boolean;
  /** A permission needed beyond the access above (e.g. `audit:read` for AuditEvent): 403 without it. */
  permission?: Permission;
  /** False for types a Bulk Data export leaves out (e.g. Binary: attachments travel as URLs, never inline). */
  inBulk?: boolean;
  params: SearchParam<R>[];
  /** `_include` values this type answers, each naming the parameter whose references are included. */
  includes: string[];
  /** Every resource in scope, before the search conditions are applied. */
  inScope(db: Queryable, scope: Scope): Promise<R[]>;
  /** One resource by id with its owner, or undefined. */
  byId(db: Queryable, id: string): Promise<Found<R> | undefined>;
  /**
   * Every version of one resource, newest first, for types whose records are corrected by new versions (vread and
   * `_history` are served for these only). Called after the current version has been read with access.
   */
  versions?(db: Queryable, id: string): Promise<R[]>;
}

export const tokensOf = (c: CodeableConcept | undefined): TokenValue[] =>
  (c?.coding ?? []).map((x) => ({ system: x.system, code: x.code ?? '' }));
export const identifiers = (ids: Identifier[] | undefined): TokenValue[] =>
  (ids ?? []).flatMap((i) => (i.value === undefined ? [] : [{ system: i.system, code: i.value }]));
export const refs = (...r: (Reference | Reference[] | undefined)[]): string[] =>
  r.flat().flatMap((x) => (x?.reference ? [x.reference] : []));
export const dates = (...d: (string | undefined)[]): DateRange[] =>
  d.flatMap((x) => {
    const range = x === undefined ? null : dateRange(x);
    return range ? [range] : [];
  });

/** `_id` and `_lastUpdated`, which every type has. */
export function commonParams<R extends FhirResource>(): SearchParam<R>[] {
  return [
    { name: '_id', type: 'token', description: 'The resource id', values: (r) => [{ code: r.id }] },
    {
      name: '_lastUpdated',
      type: 'date',
      description: 'When the resource (its current version) was last changed',
      values: (r) => dates(r.meta?.lastUpdated),
    },
  ];
}

/** `identifier`: the resource's identifiers, and any `more` it is known by. */
export function identifierParam<R extends FhirResource & { identifier?: Identifier[] | undefined }>(
  description: string,
  more: (r: R) => TokenValue[] = () => [],
): SearchParam<R> {
  return {
    name: 'identifier',
    type: 'token',
    description,
    values: (r) => [...identifiers(r.identifier), ...more(r)],
  };
}

/** `active`, for records that can be switched off (a service, a staff account). */
export function activeParam<R extends FhirResource & { active?: boolean | undefined }>(
  what: string,
): SearchParam<R> {
  return {
    name: 'active',
    type: 'token',
    description: `Whether the ${what} is active`,
    values: (r) => [{ code: String(r.active ?? true) }],
  };
}

/** Whether a user with these roles may read resources of the type. */
export function mayRead(type: ResourceType, roles: readonly string[]): boolean {
  return type.permission === undefined || hasPermission(roles, type.permission);
}

/** A stored row of patient data: its patient and the service that holds it. */
export type Owned = { patient_id: string; service_id: string };

/** The owner of a row of patient data. */
export const ownerOf = (row: Owned): Owner => ({ patientId: row.patient_id, serviceIds: [row.service_id] });

/** A resource found by id, owned as its row is. */
export const foundAs = <R>(resource: R, row: Owned): Found<R> => ({ resource, owner: ownerOf(row) });

/** `patient`: the patient a resource is about, read by `subject` (`Patient/id` or a bare id in a search). */
export function patientParam<R>(subject: (r: R) => Reference | undefined): SearchParam<R> {
  return {
    name: 'patient',
    type: 'reference',
    description: 'The patient (`Patient/id` or a bare id)',
    values: (r) => refs(subject(r)),
  };
}

/** `patient` and `subject`: the patient a resource is about, by either name. */
export function subjectParams<R>(subject: (r: R) => Reference | undefined): SearchParam<R>[] {
  return [
    patientParam(subject),
    { name: 'subject', type: 'reference', description: 'The patient', values: (r) => refs(subject(r)) },
  ];
}
