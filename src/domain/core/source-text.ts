// Sources as a patient or clinician reads them: named references, never research tags, file names or rule ids.
// The stored source strings keep their notation (the API returns them as written); only what is shown changes.

interface KnownReference {
  readonly match: RegExp;
  readonly reference: string;
}

/**
 * The publications KASPR's content cites (clinic.md and harm.md name them with their full citations), in the
 * words a reader outside the project recognises. Order matters only for ties; output follows the source text.
 */
const KNOWN: readonly KnownReference[] = [
  {
    match: /Sanacora|APA consensus|\bAPA\b/i,
    reference:
      'Sanacora et al., A consensus statement on the use of ketamine in the treatment of mood disorders, JAMA Psychiatry 2017',
  },
  { match: /CANMAT/i, reference: 'CANMAT task force on ketamine (Swainson et al., 2021)' },
  {
    match: /Yale|2,342 infusions/i,
    reference: 'Yale study of 2,342 infusions (General Hospital Psychiatry, 2024)',
  },
  {
    match: /Emory|684 infusions/i,
    reference: 'Emory study of 684 infusions (Journal of Affective Disorders, 2018)',
  },
  { match: /Yip\s+(et al\.?\s*)?2022/i, reference: 'Yip et al., Frontiers in Psychiatry 2022' },
  {
    match: /Spravato (label|PI)|boxed warning|esketamine label/i,
    reference: 'SPRAVATO (esketamine) prescribing information',
  },
  { match: /\bREMS\b/, reference: 'SPRAVATO REMS (US Food and Drug Administration)' },
  {
    match: /ketamine label|Ketalar|DailyMed/i,
    reference: 'Ketamine hydrochloride injection prescribing information',
  },
  {
    match: /\bASKP\b/,
    reference: 'American Society of Ketamine Physicians (ASKP), Basics of Administration',
  },
  {
    match: /\bRCEM\b/,
    reference: 'Royal College of Emergency Medicine, procedural sedation: recovery and discharge',
  },
  {
    match: /\bASRA\b/,
    reference:
      'ASRA/AAPM/ASA consensus guidelines on intravenous ketamine for chronic pain (Cohen et al., 2018)',
  },
  {
    match: /uropathy|bladder/i,
    reference:
      'Chan et al., Systematic review and meta-analysis of ketamine-associated uropathy, Hong Kong Med J 2022',
  },
  {
    match: /Schedule (III|2)|controlled drug/i,
    reference: 'Controlled-drug law (UK Schedule 2; US Schedule III)',
  },
  {
    match: /\bKAP\b|psychotherapist/i,
    reference: 'Ketamine-assisted psychotherapy care models (prescriber and therapist)',
  },
];

/** What stands for "no published source": KASPR's own defaults and syntheses. */
const OWN_PRACTICE = /\bKASPR\b|\[SYN\]|product synthesis/i;
export const CLINIC_PRACTICE = 'Clinic practice (a default the clinic can change; no published source)';

/**
 * Internal notation removed from free text: research tags ([V], [S …], [U], [SYN]), file and section references
 * (clinic.md §3, harm.md §2.1, seeds/002), protocol ids (iv-racemic-psychiatric@1.0.0) and JSON paths
 * (symptoms.0.code). What is left is tidied (no empty brackets, doubled spaces or dangling punctuation).
 */
export function withoutInternalNotation(text: string): string {
  return text
    .replace(/\[(?:V|S|U|SYN)\b[^\]]*\]/g, '')
    .replace(/\b[\w-]+\.md\b(?:\s*§\s*[\d.]+(?:\s*[–-]\s*[\d.]+)?)?/g, '')
    .replace(/§\s*[\d.]+(?:\s*[–-]\s*[\d.]+)?/g, '')
    .replace(/\bseeds\/[\w.-]+/g, '')
    .replace(/\b[a-z][\w-]*@\d+\.\d+\.\d+\b/g, '')
    .replace(/\b[a-z]\w*(?:\.\w+){2,}\b/g, '')
    .replace(/\(\s*[;:,]?\s*\)/g, '')
    .replace(/\s+([,.;:)])/g, '$1')
    .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
    .replace(/\(\s+/g, '(')
    .replace(/^[\s,;:–-]+|[\s,;:–-]+$/g, '')
    .replace(/\s{2,}/g, ' ');
}

/**
 * A source string (as stored beside a rule or a consent section) as a reader-facing reference: the named
 * publications it cites, in the order cited, joined by "; "; KASPR's own defaults read as clinic practice;
 * anything unrecognised is shown without internal notation.
 */
export function readerReference(source: string): string {
  const found = KNOWN.map((k) => ({ at: source.search(k.match), reference: k.reference }))
    .filter((k) => k.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((k) => k.reference);
  const unique = [...new Set(found)];
  if (unique.length > 0) return unique.join('; ');
  if (OWN_PRACTICE.test(source)) return CLINIC_PRACTICE;
  const cleaned = withoutInternalNotation(source);
  return cleaned === '' ? CLINIC_PRACTICE : cleaned;
}

/** Evidence-grade markers of the domain notes (decision 014), as words. */
function gradeWords(tag: string): string {
  const t = tag.trim();
  if (/^SYN\b/.test(t)) return 'KASPR synthesis';
  if (/^U\s+convention/.test(t)) return 'unconfirmed; field convention';
  if (/^U\b/.test(t)) return 'unconfirmed';
  if (/^S\b/.test(t)) return 'secondary source';
  return 'verified';
}

/** The domain notes KASPR's content is written from, as a reader would name them. */
const NOTES: Readonly<Record<string, string>> = {
  clinic: 'KASPR clinical content',
  harm: 'KASPR harm content',
  security: 'KASPR security notes',
  fhir: 'KASPR interoperability notes',
};

const SECTION = String.raw`§\s*([\d.]*\d)(?:\s*[–-]\s*([\d.]*\d))?`;

function sectionWords(from: string, to: string | undefined): string {
  return to ? `sections ${from}–${to}` : `section ${from}`;
}

/**
 * A source string as a clinician reads it on screen, everything it says kept: evidence tags as words
 * ("[V]" → "(verified)", "[U]" → "(unconfirmed)", "[SYN]" → "(KASPR synthesis)"), the domain notes as named
 * content ("clinic.md §3" → "KASPR clinical content, section 3"), "§5.6" as "section 5.6", and seed-file
 * references ("seeds/002 (KAP practice)") as the document they name.
 */
export function sourceText(source: string): string {
  return (
    source
      // "synthesis [SYN]" and "KASPR [SYN]" already say it in words.
      .replace(/\b(synthesis|KASPR)\s*\[SYN\\?\]/gi, (_m, word: string) =>
        word.toUpperCase() === 'KASPR' ? 'KASPR synthesis' : word,
      )
      .replace(/\b(not confirmed|unconfirmed)\s*\[U\]/gi, '$1')
      .replace(/\[((?:V|S|U|SYN)\b[^\]]*)\]/g, (_m, tag: string) => `(${gradeWords(tag)})`)
      .replace(
        new RegExp(String.raw`\b([\w-]+)\.md\b(?:\s*${SECTION})?`, 'g'),
        (_m, note: string, from?: string, to?: string) => {
          const name = NOTES[note] ?? 'KASPR notes';
          return from ? `${name}, ${sectionWords(from, to)}` : name;
        },
      )
      .replace(new RegExp(SECTION, 'g'), (_m, from: string, to?: string) => sectionWords(from, to))
      .replace(/\bseeds\/[\w.-]+\s*\(([^)]*)\)/g, '$1')
      .replace(/\s*\(?\bseeds\/[\w.-]+\)?/g, '')
      .replace(/\s+([,.;:)])/g, '$1')
      .replace(/\s{2,}/g, ' ')
      .trim()
  );
}

/**
 * The published works a source cites, for a patient's document; null when it names none (KASPR's own
 * defaults and unnamed notes are not shown to a patient at all).
 */
export function publishedReference(source: string): string | null {
  const r = readerReference(source);
  return r === CLINIC_PRACTICE || !KNOWN.some((k) => k.match.test(source)) ? null : r;
}
