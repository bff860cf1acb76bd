// FHIR R4 Questionnaire export of a definition, and import of a Questionnaire as a definition or as licensed text.
import { parseQuestionnaire } from './fhir-parse.ts';
import type { ParsedItem, ParsedQuestionnaire } from './fhir-parse.ts';
import { answerSystem, LOINC_SYSTEM, ORDINAL_VALUE_URL, QUESTIONNAIRE_BASE } from './fhir-types.ts';
import type { FhirQuestionnaire, FhirQuestionnaireItem } from './fhir-types.ts';
import { instruments } from './registry.ts';
import { applyTextOverlay, textOverlayOf } from './text-overlay.ts';
import type { InstrumentDefinition, InstrumentItem, Outcome, Problem } from './types.ts';

/** A FHIR computable name from an id: "ketamine-urinary-checklist" → "KetamineUrinaryChecklist". */
function computableName(id: string): string {
  const name = id
    .split(/[^A-Za-z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return /^[A-Z]/.test(name) ? name : `Q${name}`;
}

function toFhirItem(def: InstrumentDefinition, item: InstrumentItem): FhirQuestionnaireItem {
  const system = answerSystem(def.id);
  const gate = item.askedWhen;
  return {
    linkId: item.number,
    // The licensed wording is never exported unless the definition carries it; the neutral label stands in.
    text: item.text ?? item.label,
    type: 'choice',
    // An item of a "one of" group (QIDS-SR16 6/7, 8/9) is not required on its own.
    required: item.scored && !(def.oneOfGroups ?? []).some((group) => group.items.includes(item.number)),
    ...(item.loinc === undefined ? {} : { code: [{ system: LOINC_SYSTEM, code: item.loinc.code }] }),
    ...(gate === undefined
      ? {}
      : {
          enableWhen: gate.scoreIn.map((score) => ({
            question: gate.item,
            operator: '=' as const,
            answerCoding: { system, code: String(score) },
          })),
          ...(gate.scoreIn.length > 1 ? { enableBehavior: 'any' as const } : {}),
        }),
    answerOption: item.options.map((option) => ({
      valueCoding: {
        system,
        code: String(option.score),
        ...(option.label === undefined ? {} : { display: option.label }),
      },
      extension: [{ url: ORDINAL_VALUE_URL, valueDecimal: option.score }],
    })),
  };
}

/** The copyright statement we export: the service's own when it loaded one, else holder and licence note. */
function exportedCopyright(def: InstrumentDefinition): string {
  return def.licence.serviceCopyright ?? `${def.licence.holder}. ${def.licence.note}`;
}

/** The definition as a FHIR R4 Questionnaire resource (flat choice items, ordinal values on each answer). */
export function toFhirQuestionnaire(def: InstrumentDefinition): FhirQuestionnaire {
  return {
    resourceType: 'Questionnaire',
    id: def.id,
    url: `${QUESTIONNAIRE_BASE}${def.id}`,
    version: def.version,
    name: computableName(def.id),
    title: def.title,
    status: 'active',
    copyright: exportedCopyright(def),
    ...(def.loinc.panel === undefined
      ? {}
      : { code: [{ system: LOINC_SYSTEM, code: def.loinc.panel, display: def.title }] }),
    item: def.items.map((item) => toFhirItem(def, item)),
  };
}

function sameScores(a: readonly { score: number }[], b: readonly { score: number }[]): boolean {
  const key = (options: readonly { score: number }[]) =>
    options
      .map((o) => o.score)
      .sort((x, y) => x - y)
      .join(',');
  return key(a) === key(b);
}

/** The item with the service's text and answer labels laid over it; the same object when nothing changes. */
function withServiceText(item: InstrumentItem, parsed: ParsedQuestionnaire): InstrumentItem {
  const fhirItem = parsed.items.find((candidate) => candidate.linkId === item.number);
  if (fhirItem === undefined) return item;
  const options = item.options.map((option) => {
    const label = fhirItem.options.find((o) => o.score === option.score)?.label;
    return label === undefined || label === option.label ? option : { ...option, label };
  });
  const optionsChanged = options.some((option, i) => option !== item.options[i]);
  // Our own export writes the neutral label where text is not shipped; that is not licensed text.
  const text = fhirItem.text;
  const textChanged = text !== undefined && text !== item.text && text !== item.label;
  if (!optionsChanged && !textChanged) return item;
  return { ...item, options, ...(textChanged ? { text } : {}) };
}

/** Licensed text and answer labels from a service's Questionnaire laid over a known definition; scoring is never taken from it. */
function attachText(def: InstrumentDefinition, parsed: ParsedQuestionnaire): Outcome<InstrumentDefinition> {
  const problems: Problem[] = [];
  parsed.items.forEach((fhirItem, i) => {
    const item = def.items.find((candidate) => candidate.number === fhirItem.linkId);
    if (item === undefined) {
      problems.push({
        code: 'item-mismatch',
        path: `item[${String(i)}].linkId`,
        text: `${def.shortTitle} has no item "${fhirItem.linkId}".`,
      });
    } else if (!sameScores(item.options, fhirItem.options)) {
      problems.push({
        code: 'item-mismatch',
        path: `item[${String(i)}].answerOption`,
        text: `Item ${item.number}: answer scores differ from ${def.shortTitle}.`,
      });
    }
  });
  for (const item of def.items) {
    if (!parsed.items.some((fhirItem) => fhirItem.linkId === item.number)) {
      problems.push({
        code: 'item-mismatch',
        path: 'item',
        text: `Item ${item.number} of ${def.shortTitle} is missing.`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const items = def.items.map((item) => withServiceText(item, parsed));
  const title = parsed.title !== undefined && parsed.title !== def.title ? parsed.title : undefined;
  const copyright =
    parsed.copyright !== undefined && parsed.copyright !== exportedCopyright(def)
      ? parsed.copyright
      : undefined;
  // Nothing new (e.g. re-importing our own export, whose text is the neutral label): the definition is unchanged.
  if (items.every((item, i) => item === def.items[i]) && title === undefined && copyright === undefined)
    return { ok: true, value: def };
  // Only the text is taken: title, copyright, item wording and answer labels, never scoring.
  const withText: InstrumentDefinition = {
    ...def,
    items,
    ...(title === undefined ? {} : { title }),
    licence: {
      ...def.licence,
      loadedFrom: parsed.url ?? parsed.id,
      ...(copyright === undefined ? {} : { serviceCopyright: copyright }),
    },
  };
  return { ok: true, value: applyTextOverlay(def, textOverlayOf(withText, def)) };
}

function importedItem(id: string, item: ParsedItem): InstrumentItem {
  return {
    number: item.linkId,
    code: `${id}-${item.linkId}`,
    label: `Item ${item.linkId}`,
    options: item.options,
    // Every choice item counts towards the imported sum; none is assumed optional.
    scored: true,
    ...(item.text === undefined ? {} : { text: item.text }),
    ...(item.askedWhen === undefined ? {} : { askedWhen: item.askedWhen }),
  };
}

/** An unknown Questionnaire as a plain summed, non-validated definition with no bands, flags or cut-offs. */
function importDefinition(parsed: ParsedQuestionnaire): InstrumentDefinition {
  const title = parsed.title ?? parsed.name ?? parsed.id;
  const scores = parsed.items.map((item) => item.options.map((o) => o.score));
  return {
    id: parsed.id,
    version: parsed.version ?? 'unversioned',
    title,
    shortTitle: parsed.name ?? title,
    recallPeriod: 'Not stated (imported questionnaire)',
    items: parsed.items.map((item) => importedItem(parsed.id, item)),
    scoring: {
      kind: 'sum',
      description: 'Sum of all items (imported Questionnaire; no published scoring rule encoded).',
    },
    totalRange: {
      min: scores.reduce((sum, s) => sum + Math.min(...s), 0),
      max: scores.reduce((sum, s) => sum + Math.max(...s), 0),
      source: 'Computed from the imported answer options',
      certainty: 'local',
    },
    bands: [],
    bandsSource: null,
    flagRules: [],
    response: null,
    remission: null,
    citation: `Imported FHIR Questionnaire ${parsed.url ?? parsed.id}`,
    licence: {
      textShipped: false,
      textLicensed: true,
      holder: parsed.publisher ?? 'Not stated',
      note: 'Loaded by the service under its own licence; KASPR ships no text and makes no claim about licence or validity.',
      source: 'Imported',
      certainty: 'unverified',
    },
    loinc: {
      ...(parsed.loincPanel === undefined ? {} : { panel: parsed.loincPanel }),
      source: 'Imported',
      certainty: 'unverified',
    },
    validated: false,
  };
}

/**
 * Reads a FHIR R4 Questionnaire. For a shipped instrument id, returns that definition with the service's
 * licensed text attached (items and scores must match exactly). For any other id, returns a non-validated
 * definition scored as a plain sum. Malformed or unsupported input gives problems.
 */
export function fromFhirQuestionnaire(
  json: unknown,
  known: readonly InstrumentDefinition[] = instruments,
): Outcome<InstrumentDefinition> {
  const { parsed, problems } = parseQuestionnaire(json);
  if (problems.length > 0) return { ok: false, problems };
  const def = known.find((candidate) => candidate.id === parsed.id);
  return def === undefined ? { ok: true, value: importDefinition(parsed) } : attachText(def, parsed);
}
