// /consent-documents: the versioned consent documents per route.
import type { FastifyInstance } from 'fastify';
import { consentDocumentsReply } from '../../schemas/replies/treatment.ts';
import { consentDocuments } from '../../domain/consent/documents.ts';
import { zodApp } from '../context.ts';
import { route } from '../route.ts';

export function consentDocumentRoutes(app: FastifyInstance): void {
  const api = zodApp(app);

  api.get('/consent-documents', route('authenticated', { 200: consentDocumentsReply }), async () => ({
    documents: consentDocuments,
  }));
}
