// /consent-documents: the versioned consent documents per route.
import type { FastifyInstance } from 'fastify';
import { consentDocuments } from '../../domain/consent/documents.ts';
import { zodApp } from '../context.ts';

export function consentDocumentRoutes(app: FastifyInstance): void {
  const api = zodApp(app);

  api.get(
    '/consent-documents',
    { config: { access: 'authenticated' }, schema: { tags: ['consent'] } },
    async () => ({ documents: consentDocuments }),
  );
}
