// /consent-documents: the versioned consent documents per route.
import { consentDocumentsReply } from '../../schemas/replies/treatment.ts';
import { consentDocuments } from '../../domain/consent/documents.ts';
import { type ZodApp } from '../context.ts';
import { route } from '../route.ts';

export function consentDocumentRoutes(api: ZodApp): void {
  api.get('/consent-documents', route('authenticated', { 200: consentDocumentsReply }), async () => ({
    documents: consentDocuments,
  }));
}
