// Reading one resource: the access that shows it (a patient's, under break-glass too, or a shared service) and the
// audit entry for the read; 404 for what the user may not see, as for what does not exist.
import type { FastifyRequest } from 'fastify';
import { auditRead, patientAccess } from '../api/patient-access.ts';
import { problem } from '../api/problem.ts';
import { auditAccess } from '../api/record-change.ts';
import { authOf, type AppContext } from '../api/context.ts';
import { mayRead } from './resource-kit.ts';
import { RESOURCE_TYPES, type ResourceType } from './resources.ts';
import type { FhirResource } from './types.ts';

export function typeOr404(name: string): ResourceType {
  const type = RESOURCE_TYPES.get(name);
  if (!type) throw problem('not-found', `This server does not serve ${name} resources.`);
  return type;
}

/** A resource the user may see with the access that shows it (a patient's, or a shared service); 404 otherwise. */
export async function visible(
  ctx: AppContext,
  req: FastifyRequest,
  type: ResourceType,
  id: string,
  action: string,
) {
  if (!mayRead(type, authOf(req).user.roles))
    throw problem('forbidden', `Reading ${type.type} needs ${type.permission}.`);
  const found = await type.byId(ctx.db, id);
  if (!found) throw problem('not-found', `${type.type}/${id} is not known.`);
  if (found.owner.patientId)
    return { resource: found.resource, access: await patientAccess(ctx, req, found.owner.patientId, action) };
  if (!found.owner.serviceIds.some((s) => authOf(req).user.service_ids.includes(s)))
    throw problem('not-found', `${type.type}/${id} is not known.`);
  return { resource: found.resource, access: undefined };
}

/** Reads one resource the user may see, auditing the read (or the refusal); 404 otherwise. */
export async function read(
  ctx: AppContext,
  req: FastifyRequest,
  type: ResourceType,
  id: string,
): Promise<FhirResource> {
  const { resource, access } = await visible(ctx, req, type, id, 'fhir.read');
  if (access) await auditRead(ctx, req, access, 'fhir.read', type.type, id);
  else await auditAccess(ctx, req, 'fhir.read', type.type, undefined, { id });
  return resource;
}
