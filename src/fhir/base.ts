// Where the FHIR API lives, and the absolute base a reply's links and full URLs start with.
import type { FastifyRequest } from 'fastify';

export const FHIR_BASE_PATH = '/fhir/R4';

/** The absolute base the links and full URLs of a reply start with. */
export const baseOf = (req: FastifyRequest) => `${req.protocol}://${req.host}${FHIR_BASE_PATH}`;
