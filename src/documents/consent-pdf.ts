// The patient's copy of a signed consent: every section with its source as a reference, the drawn signature
// image (or the typed name), the witness with when, and withdrawal; times on the service's clock with its zone.
import { formatInZone } from '../domain/core/zoned.ts';
import type { ConsentDocument } from '../domain/consent/documents.ts';
import { publishedReference } from '../domain/core/source-text.ts';
import { pngFromDataUrl, renderPdf, type PdfBlock, type PdfContent } from './pdf.ts';

export interface SignedConsent {
  signature: { kind: 'typed' | 'drawn'; name: string; image?: string | undefined };
  signedAt: Date;
  recordedBy: string;
  witness: string | null;
  withdrawn: { at: Date; reason: string | null } | null;
}

export interface ConsentPdfInput {
  document: ConsentDocument;
  patient: { givenName: string; familyName: string; birthDate: string };
  consent: SignedConsent;
  clinic: { name: string; timeZone: string };
}

/** The signature block: the drawn image when one was captured (and is a PNG), otherwise the typed name. */
function signatureBlocks(c: SignedConsent, timeZone: string): PdfBlock[] {
  const when = formatInZone(c.signedAt, timeZone);
  const png = c.signature.kind === 'drawn' ? pngFromDataUrl(c.signature.image) : undefined;
  const how = png
    ? 'signature drawn on screen, shown below'
    : c.signature.kind === 'drawn'
      ? 'signature drawn on screen; the image could not be shown'
      : 'typed name';
  return [
    {
      heading: 'Signature',
      text: `Signed by ${c.signature.name} (${how}) on ${when}. Recorded by ${c.recordedBy}.`,
      ...(png ? { image: { png, width: 220, height: 80 } } : {}),
    },
    {
      heading: 'Witness',
      text: c.witness
        ? `Witnessed by ${c.witness} on ${when}, who confirmed their identity with their own password.`
        : 'No witness (not required for this document).',
    },
  ];
}

/** The consent copy as headings and paragraphs (no internal notation: only published works, as references). */
export function consentContent(input: ConsentPdfInput): PdfContent {
  const { document: doc, patient, consent, clinic } = input;
  return {
    title: doc.title,
    subtitle: `${patient.familyName.toUpperCase()}, ${patient.givenName} · born ${patient.birthDate} · ${clinic.name} · version ${doc.version}`,
    blocks: [
      // A patient reads the published works a section rests on, never the content's internal source notes.
      ...doc.sections.map((s): PdfBlock => {
        const reference = publishedReference(s.source);
        return { heading: s.heading, text: s.text, ...(reference ? { note: `Source: ${reference}` } : {}) };
      }),
      ...signatureBlocks(consent, clinic.timeZone),
      ...(consent.withdrawn
        ? [
            {
              heading: 'Withdrawn',
              text: `Consent withdrawn on ${formatInZone(consent.withdrawn.at, clinic.timeZone)}: ${consent.withdrawn.reason ?? ''}`,
            },
          ]
        : []),
    ],
    footer: 'Consent record. This copy was generated from the signed record, which cannot be changed.',
  };
}

/** The consent copy as PDF bytes. */
export function renderConsentPdf(input: ConsentPdfInput): Promise<Buffer> {
  return renderPdf(consentContent(input));
}
