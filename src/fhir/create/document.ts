// An incoming DocumentReference as a document on the patient's chart: its content must come inline
// (`attachment.data`, base64; KASPR fetches nothing from elsewhere) as PDF, PNG, JPEG or plain text of at most 10 MB,
// and a size or SHA-1 the sender states must match what arrived. Pure.
import { createHash } from 'node:crypto';
import { notKept, unprocessable } from './refusal.ts';
import { obj, objects, referencedId, str, type Json } from './read.ts';

export const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain'] as const;
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export interface DocumentRequest {
  patientId: string | undefined;
  title: string;
  type: { system?: string | undefined; code?: string | undefined; display?: string | undefined } | undefined;
  contentType: string;
  content: Buffer;
  sha1: string;
  documentDate: Date | undefined;
  source: { system: string; value: string } | undefined;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function documentRequest(resource: Json, source?: { system: string; value: string }): DocumentRequest {
  const contents = objects(resource.content);
  if (contents.length !== 1)
    throw notKept(
      'KASPR keeps one attachment per document: send one content element.',
      'DocumentReference.content',
    );
  const attachment = obj(contents[0]?.attachment);
  const at = 'DocumentReference.content[0].attachment';
  const data = str(attachment.data)?.replace(/\s+/g, '');
  if (data === undefined || data === '' || !BASE64.test(data))
    throw notKept(
      'The content must be inline (attachment.data, base64): KASPR does not fetch documents from elsewhere.',
      `${at}.data`,
    );
  const contentType = str(attachment.contentType)?.split(';')[0]?.trim().toLowerCase();
  if (!contentType || !(DOCUMENT_TYPES as readonly string[]).includes(contentType))
    throw notKept(`KASPR keeps documents of type ${DOCUMENT_TYPES.join(', ')}.`, `${at}.contentType`);
  const content = Buffer.from(data, 'base64');
  if (content.length === 0 || content.length > MAX_DOCUMENT_BYTES)
    throw unprocessable([{ path: `${at}.data`, message: 'A document holds 1 byte to 10 MB' }]);
  const sha1 = createHash('sha1').update(content).digest('base64');
  if (typeof attachment.size === 'number' && attachment.size !== content.length)
    throw unprocessable([
      { path: `${at}.size`, message: `The content is ${content.length} bytes, not ${attachment.size}` },
    ]);
  if (attachment.hash !== undefined && attachment.hash !== sha1)
    throw unprocessable([{ path: `${at}.hash`, message: 'The SHA-1 of the content does not match' }]);
  const type = obj(resource.type);
  const coding = objects(type.coding)[0];
  const title =
    str(attachment.title)?.trim() ||
    str(resource.description)?.trim() ||
    str(type.text)?.trim() ||
    str(coding?.display)?.trim() ||
    'Document';
  const created = str(attachment.creation) ?? str(resource.date);
  const documentDate = created === undefined ? undefined : new Date(created);
  if (documentDate && Number.isNaN(documentDate.getTime()))
    throw unprocessable([{ path: `${at}.creation`, message: 'Must be a date and time' }]);
  const identifier = objects(resource.identifier).find((i) => str(i.value) !== undefined);
  const own = identifier && {
    system: str(identifier.system) ?? 'urn:ietf:rfc:3986',
    value: str(identifier.value) ?? '',
  };
  return {
    patientId: referencedId(resource.subject, 'Patient'),
    title: title.slice(0, 500),
    type: coding && { system: str(coding.system), code: str(coding.code), display: str(coding.display) },
    contentType,
    content,
    sha1,
    documentDate,
    source: own ?? source,
  };
}
