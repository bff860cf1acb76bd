// The CapabilityStatement: built from the served resource types, so it lists exactly the interactions and search
// parameters the server answers, and nothing else.
import type { ResourceType } from './resources.ts';
import { RESULT_PARAMS } from './search/params.ts';

const SOFTWARE_VERSION = '0.1.0';

/** Interactions every type answers; types that keep versions add vread and history; some types take create. */
const interactionsOf = (type: ResourceType, creatable: boolean) =>
  [
    'read',
    'search-type',
    ...(type.versions ? ['vread', 'history-instance'] : []),
    ...(creatable ? ['create'] : []),
  ].map((code) => ({ code }));

/**
 * The CapabilityStatement of the served types; `creatable` names the types that take create, and
 * `conditionallyCreatable` those that honour If-None-Exist.
 */
/** The Bulk Data export operation at one level (http://hl7.org/fhir/uv/bulkdata). */
const exportOperation = (definition: 'export' | 'patient-export' | 'group-export') => ({
  name: 'export',
  definition: `http://hl7.org/fhir/uv/bulkdata/OperationDefinition/${definition}`,
});

export function capabilityStatement(
  base: string,
  types: readonly ResourceType[],
  creatable: readonly string[] = [],
  conditionallyCreatable: readonly string[] = [],
) {
  return {
    resourceType: 'CapabilityStatement' as const,
    status: 'active' as const,
    date: '2026-12-05',
    publisher: 'KASPR',
    kind: 'instance' as const,
    software: { name: 'KASPR', version: SOFTWARE_VERSION },
    implementation: { description: 'KASPR FHIR R4 API', url: base },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server' as const,
        documentation:
          'Signed-in staff see the services they work in (and a patient under an active break-glass grant); ' +
          'every read and search is audited. Create takes Patient (conditional with If-None-Exist), body weight and ' +
          'height Observations (a new version of the patient record) and QuestionnaireResponses to KASPR ' +
          'questionnaires (scored on arrival); the server assigns ids and needs the patient:write permission. Unknown search parameters are reported as an outcome entry, or ' +
          'refused with `Prefer: handling=strict`. Paging: `_count` (at most 200) with next links. Records are ' +
          'never deleted: DELETE, PUT and PATCH answer 405. Bulk Data export (v2) at system, Patient and Group ' +
          '(a service) level, kicked off with `Prefer: respond-async`.',
        resource: [
          ...types.map((type) => ({
            type: type.type,
            interaction: interactionsOf(type, creatable.includes(type.type)),
            conditionalCreate: conditionallyCreatable.includes(type.type) ? true : undefined,
            versioning: type.type === 'Patient' ? ('versioned' as const) : ('no-version' as const),
            readHistory: type.type === 'Patient',
            searchInclude: type.includes.length > 0 ? type.includes : undefined,
            searchRevInclude:
              type.type === 'Patient'
                ? types
                    .filter((t) => t.patientData && t.type !== 'Patient')
                    .flatMap((t) => t.includes.slice(0, 1))
                : undefined,
            searchParam: type.params.map((p) => ({
              name: p.name,
              type: p.type,
              documentation: p.description,
            })),
            ...(type.type === 'Patient' ? { operation: [exportOperation('patient-export')] } : {}),
          })),
          // A service is a Group: exported, not read or searched.
          { type: 'Group', operation: [exportOperation('group-export')] },
        ],
        operation: [exportOperation('export')],
        searchParam: RESULT_PARAMS.filter((p) => p !== '_format' && p !== '_offset').map((name) => ({
          name,
          type: name === '_count' ? ('number' as const) : ('string' as const),
        })),
      },
    ],
  };
}
