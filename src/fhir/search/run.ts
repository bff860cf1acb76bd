// Running a FHIR search: the scope it may see (the user's services, or the patients it names, break-glass
// included), the matching, sorting and paging, the includes, the outcome entry for what was not understood, and the
// audit entry naming the parameters searched by (never their values) and the patients returned.
import type { FastifyRequest } from 'fastify';
import { problem } from '../../api/problem.ts';
import { auditAccess, recordChange } from '../../api/record-change.ts';
import { authOf, type AppContext } from '../../api/context.ts';
import { hasActiveBreakGlassGrant } from '../../store/break-glass.ts';
import { findPatientService } from '../../store/patients.ts';
import type { Scope } from '../../store/fhir-sources.ts';
import { FhirRefusal, invalid } from '../create/refusal.ts';
import { operationOutcome } from '../outcome.ts';
import { mayRead } from '../resource-kit.ts';
import { RESOURCE_TYPES, type ResourceType } from '../resources.ts';
import { baseOf } from '../base.ts';
import { matches, parseSearch, sortKeys, sortResources, type Condition } from '../search/params.ts';
import type { Bundle, BundleEntry, FhirResource } from '../types.ts';

const DEFAULT_COUNT = 50;
const MAX_COUNT = 200;

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v.at(-1) : v);

function wholeNumber(
  raw: string | string[] | undefined,
  name: string,
  fallback: number,
  max: number,
): number {
  const v = one(raw);
  if (v === undefined) return fallback;
  if (!/^\d{1,9}$/.test(v)) throw invalid(`${name} must be a whole number`, name);
  return Math.min(Number(v), max);
}

/** The patient ids a search names (`patient=`, `subject=` or, for Patient, `_id=`), or undefined when none. */
function namedPatients(type: string, conditions: readonly Condition[]): string[] | undefined {
  const params = type === 'Patient' ? ['_id'] : ['patient', 'subject'];
  const named = conditions.filter((c) => params.includes(c.param));
  if (named.length === 0) return undefined;
  // And-ed conditions: a patient must be named by each.
  const sets = named.map((c) => new Set(c.values.map((v) => v.replace(/^(.*\/)?Patient\//, ''))));
  return [...(sets[0] ?? [])].filter((id) => sets.every((s) => s.has(id)));
}

/** What a search may see: the user's services, or the patients it names that the user may see (break-glass too). */
async function searchScope(
  ctx: AppContext,
  req: FastifyRequest,
  type: ResourceType,
  conditions: readonly Condition[],
): Promise<{ scope: Scope; breakGlass: string[] }> {
  const user = authOf(req).user;
  if (!mayRead(type, user.roles))
    throw problem('forbidden', `Searching ${type.type} needs ${type.permission}.`);
  const named = type.patientData ? namedPatients(type.type, conditions) : undefined;
  if (named === undefined) return { scope: { serviceIds: user.service_ids }, breakGlass: [] };
  const serviceIds = new Set(user.service_ids);
  const patientIds: string[] = [];
  const breakGlass: string[] = [];
  const now = ctx.now();
  for (const id of named.filter((n) => /^[0-9a-f-]{36}$/.test(n))) {
    const serviceId = await findPatientService(ctx.db, id);
    if (!serviceId) continue;
    if (user.service_ids.includes(serviceId)) patientIds.push(id);
    else if (await hasActiveBreakGlassGrant(ctx.db, user.id, id, now)) {
      patientIds.push(id);
      breakGlass.push(id);
      serviceIds.add(serviceId);
    }
  }
  return { scope: { serviceIds: [...serviceIds], patientIds }, breakGlass };
}

/** The patient a resource is about, from its subject or (for a Patient) its id. */
/** The references a resource's reference parameter holds (`Type/id`). */
function referencesOf(type: ResourceType, param: string, r: FhirResource): string[] {
  const p = type.params.find((x) => x.name === param);
  return p?.type === 'reference' ? p.values(r) : [];
}

/** The patient a resource belongs to: itself, or what its `patient` parameter references. */
function patientOf(type: ResourceType, r: FhirResource): string | undefined {
  if (r.resourceType === 'Patient') return r.id;
  const ref = referencesOf(type, 'patient', r).find((x) => x.startsWith('Patient/'));
  return ref?.slice('Patient/'.length);
}

/**
 * The resources `_include=Type:param` adds: those the page's resources reference through the parameter, each read by
 * id and kept only when it is within the search's scope (its patient's or its own services), never twice.
 */
async function included(
  ctx: AppContext,
  type: ResourceType,
  include: readonly string[],
  page: readonly FhirResource[],
  scope: Scope,
): Promise<FhirResource[]> {
  const wanted = new Set<string>();
  for (const i of include.filter((x) => type.includes.includes(x)))
    for (const r of page) for (const ref of referencesOf(type, i.split(':')[1] ?? '', r)) wanted.add(ref);
  const have = new Set(page.map((r) => `${r.resourceType}/${r.id}`));
  const out: FhirResource[] = [];
  for (const ref of wanted) {
    const [targetName, id] = ref.split('/');
    const target = RESOURCE_TYPES.get(targetName ?? '');
    if (!target || !id || have.has(ref)) continue;
    const found = await target.byId(ctx.db, id);
    const inScope =
      found?.owner.serviceIds.some((s) => scope.serviceIds.includes(s)) &&
      (found.owner.patientId === undefined ||
        scope.patientIds === undefined ||
        scope.patientIds.includes(found.owner.patientId));
    if (found && inScope) {
      have.add(ref);
      out.push(found.resource);
    }
  }
  return out;
}

export async function search(
  ctx: AppContext,
  req: FastifyRequest,
  type: ResourceType,
  q: Record<string, string | string[]>,
) {
  const strict = /(^|[;,\s])handling=strict\b/.test([req.headers.prefer ?? ''].flat().join(','));
  const parsed = parseSearch(q, type.params);
  if (parsed.invalid.length > 0)
    throw invalid(parsed.invalid.map((i) => i.why).join('; '), parsed.invalid[0]?.param);
  const sort = sortKeys(q._sort, type.params);
  const include = [q._include ?? []].flat();
  const revinclude = [q._revinclude ?? []].flat();
  const revTypes = revinclude.map((r) => RESOURCE_TYPES.get(r.split(':')[0] ?? ''));
  const unknown = [
    ...parsed.unknown.map((u) => u.why),
    ...sort.unknown.map((k) => `Cannot sort by "${k}"`),
    ...include.filter((i) => !type.includes.includes(i)).map((i) => `_include=${i} is not supported`),
    ...revinclude
      .filter((r, n) => type.type !== 'Patient' || !revTypes[n]?.includes.includes(r))
      .map((r) => `_revinclude=${r} is not supported`),
  ];
  const summary = one(q._summary);
  if (summary !== undefined && summary !== 'count' && summary !== 'false')
    unknown.push(`_summary=${summary} is not supported`);
  if (strict && unknown.length > 0)
    throw new FhirRefusal(
      400,
      operationOutcome(
        unknown.map((u) => ({ severity: 'error' as const, code: 'not-supported', diagnostics: u })),
      ),
    );
  const count = wholeNumber(q._count, '_count', DEFAULT_COUNT, MAX_COUNT);
  const offset = wholeNumber(q._offset, '_offset', 0, Number.MAX_SAFE_INTEGER);

  const { scope, breakGlass } = await searchScope(ctx, req, type, parsed.conditions);
  const found = sortResources(
    (await type.inScope(ctx.db, scope)).filter((r) => matches(r, parsed.conditions, type.params)),
    sort.keys,
  );
  const page = summary === 'count' ? [] : found.slice(offset, offset + count);
  const base = baseOf(req);
  const entries: BundleEntry[] = page.map((r) => ({
    fullUrl: `${base}/${r.resourceType}/${r.id}`,
    resource: r,
    search: { mode: 'match' },
  }));
  const pagePatients = [...new Set(page.flatMap((r) => patientOf(type, r) ?? []))];
  for (const r of await included(ctx, type, include, page, scope))
    entries.push({ fullUrl: `${base}/${r.resourceType}/${r.id}`, resource: r, search: { mode: 'include' } });
  if (type.type === 'Patient')
    for (const [n, rev] of revinclude.entries()) {
      const revType = revTypes[n];
      if (!revType?.includes.includes(rev) || pagePatients.length === 0) continue;
      for (const r of await revType.inScope(ctx.db, { ...scope, patientIds: pagePatients }))
        entries.push({
          fullUrl: `${base}/${r.resourceType}/${r.id}`,
          resource: r,
          search: { mode: 'include' },
        });
    }
  if (unknown.length > 0)
    entries.push({
      resource: operationOutcome(
        unknown.map((u) => ({ severity: 'warning' as const, code: 'not-supported', diagnostics: u })),
      ),
      search: { mode: 'outcome' },
    });

  const linkTo = (at: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q))
      if (k !== '_offset') for (const x of [v].flat()) params.append(k, x);
    if (at > 0) params.set('_offset', String(at));
    const qs = params.toString();
    return `${base}/${type.type}${qs ? `?${qs}` : ''}`;
  };
  const link = [{ relation: 'self', url: linkTo(offset) }];
  if (summary !== 'count' && offset + count < found.length)
    link.push({ relation: 'next', url: linkTo(offset + count) });
  if (summary !== 'count' && offset > 0)
    link.push({ relation: 'previous', url: linkTo(Math.max(0, offset - count)) });

  // The audit names the parameters searched by (not their values, which may be names) and the patients returned.
  const details = { params: Object.keys(q).sort(), total: found.length, patients: pagePatients };
  if (breakGlass.length > 0)
    await ctx.db.transaction((tx) =>
      recordChange(req, tx, {
        action: 'fhir.search',
        resource: { type: type.type },
        patientId: breakGlass[0] ?? null,
        flagged: true,
        details: { ...details, breakGlass },
        now: ctx.now(),
      }),
    );
  else await auditAccess(ctx, req, 'fhir.search', type.type, details);

  const bundle: Bundle = { resourceType: 'Bundle', type: 'searchset', total: found.length, link };
  return entries.length > 0 ? { ...bundle, entry: entries } : bundle;
}

/** The resources of a type in the user's scope a search matches (conditional create); 400 for a bad search. */
export async function matching(
  ctx: AppContext,
  req: FastifyRequest,
  type: ResourceType,
  q: Record<string, string[]>,
) {
  const parsed = parseSearch(q, type.params);
  const bad = [...parsed.invalid, ...parsed.unknown].map((i) => i.why);
  if (bad.length > 0 || parsed.conditions.length === 0)
    throw invalid(bad.join('; ') || 'If-None-Exist names no search parameter', 'If-None-Exist');
  const { scope } = await searchScope(ctx, req, type, parsed.conditions);
  return (await type.inScope(ctx.db, scope)).filter((r) => matches(r, parsed.conditions, type.params));
}
