// Reading the FHIR API in tests: the shapes a test looks into, and search and read that check the status, validate
// every resource returned (Medplum + the strict checks) and, for search, that no parameter was reported unknown.
import { expect } from 'vitest';
import { expectValidFhir } from './fhir-validate.ts';
import type { Client } from './server.ts';

export const FHIR = '/fhir/R4';

export interface Resource {
  resourceType: string;
  id: string;
  meta?: { versionId?: string; lastUpdated?: string };
  status?: string;
  [key: string]: unknown;
}
export interface Bundle {
  resourceType: 'Bundle';
  type?: string;
  total?: number;
  entry?: { resource: Resource; search?: { mode: string } }[];
}

/** Validates a resource, and every resource in a Bundle; gives it back. */
export function valid<R extends Resource | Bundle>(r: R): R {
  expectValidFhir(r);
  for (const e of (r as Bundle).entry ?? []) valid(e.resource);
  return r;
}

/** A search that must answer 200 with valid resources and no parameter reported unknown. */
export async function search(client: Client, query: string): Promise<Bundle> {
  const r = await client.get(`${FHIR}/${query}`);
  expect(r.status, r.text).toBe(200);
  const b = valid(r.body as Bundle);
  const outcome = (b.entry ?? []).find((e) => e.search?.mode === 'outcome');
  expect(outcome, `${query}: ${JSON.stringify(outcome)}`).toBeUndefined();
  return b;
}

/** A read that must answer 200 with a valid resource. */
export async function read(client: Client, path: string): Promise<Resource> {
  const r = await client.get(`${FHIR}/${path}`);
  expect(r.status, `${path}: ${r.text}`).toBe(200);
  return valid(r.body as Resource);
}

/** The resources a search matched (not those it included). */
export const matched = (b: Bundle): Resource[] =>
  (b.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource);

/** The resources a search included, as `Type/id`. */
export const included = (b: Bundle): string[] =>
  (b.entry ?? [])
    .filter((e) => e.search?.mode === 'include')
    .map((e) => `${e.resource.resourceType}/${e.resource.id}`);
