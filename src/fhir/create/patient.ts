// An incoming FHIR Patient as KASPR's create-patient request: the official (or first) name, birth date, gender as
// sex, identifiers (NHS number, the MR-typed MRN, others with their system), telecom, address and the managing
// Organization as the service. Pure: the native schema validates the result, and errors are put back at FHIR paths.
import type { CreatePatient } from '../../schemas/patient.ts';
import { KASPR_BASE, NHS_NUMBER_SYSTEM } from '../map/common.ts';
import { obj, objects, referencedId, str, type Json } from './read.ts';

export interface PatientRequest {
  /** The create-patient request body, before the native schema validates it. */
  body: Record<string, unknown>;
  /** The FHIR path of a KASPR field (`identifiers.0.value`), for refusals. */
  pathOf: (field: string) => string | undefined;
}

const LOCAL_ID = `${KASPR_BASE}/Id/`;

/** The KASPR identifier system of a FHIR identifier: `nhs`, `mrn` (MR-typed), or the system as given. */
function systemOf(identifier: Json): string | undefined {
  const system = str(identifier.system);
  if (system === NHS_NUMBER_SYSTEM) return 'nhs';
  const types = objects(obj(identifier.type).coding);
  if (types.some((c) => str(c.code) === 'MR')) return 'mrn';
  if (system?.startsWith(LOCAL_ID)) return decodeURIComponent(system.slice(LOCAL_ID.length));
  return system;
}

const FIELD_PATHS: Record<string, string> = {
  birthDate: 'Patient.birthDate',
  sex: 'Patient.gender',
  serviceId: 'Patient.managingOrganization',
  contact: 'Patient.telecom',
};

export function patientRequest(resource: Json): PatientRequest {
  const names = objects(resource.name);
  const nameAt = Math.max(
    0,
    names.findIndex((n) => n.use === 'official'),
  );
  const name = names[nameAt] ?? {};
  const given = (Array.isArray(name.given) ? name.given : []).filter((g) => typeof g === 'string');
  const sources = objects(resource.identifier)
    .map((identifier, at) => ({ identifier, at }))
    .filter(({ identifier }) => str(identifier.value) !== undefined);
  const identifiers = sources.map(({ identifier }) => ({
    system: systemOf(identifier) ?? '',
    value: str(identifier.value),
  }));
  const telecom = objects(resource.telecom);
  const contactOf = (system: string) => str(telecom.find((t) => t.system === system)?.value);
  const contact = Object.fromEntries(
    Object.entries({
      phone: contactOf('phone'),
      email: contactOf('email'),
      address: str(objects(resource.address)[0]?.text),
    }).filter(([, v]) => v !== undefined),
  );
  const organization = resource.managingOrganization;
  const serviceId =
    organization === undefined ? undefined : (referencedId(organization, 'Organization') ?? '');
  const body: Partial<Record<keyof CreatePatient, unknown>> = {
    givenName: given.join(' ') || undefined,
    familyName: str(name.family),
    birthDate: resource.birthDate,
    sex: resource.gender,
    identifiers: identifiers.length > 0 ? identifiers : undefined,
    contact: Object.keys(contact).length > 0 ? contact : undefined,
    serviceId,
  };
  const pathOf = (field: string): string | undefined => {
    const [head, index, ...rest] = field.split('.');
    if (head === 'givenName') return `Patient.name[${nameAt}].given`;
    if (head === 'familyName') return `Patient.name[${nameAt}].family`;
    if (head === 'identifiers') {
      const source = index === undefined ? undefined : sources[Number(index)];
      if (!source) return 'Patient.identifier';
      return `Patient.identifier[${source.at}]${rest[0] === 'system' ? '.system' : '.value'}`;
    }
    return head === undefined ? undefined : FIELD_PATHS[head];
  };
  return {
    body: Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)),
    pathOf,
  };
}
