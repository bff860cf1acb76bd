// Reads untrusted FHIR Questionnaire JSON into plain parsed items, collecting problems instead of throwing.
import { LOINC_SYSTEM, ORDINAL_VALUE_URL } from './fhir-types.ts';
import type { AnswerOption, AskedWhen, Problem } from './types.ts';

export interface ParsedItem {
  readonly linkId: string;
  readonly text?: string;
  readonly options: AnswerOption[];
  readonly askedWhen?: AskedWhen;
}

export interface ParsedQuestionnaire {
  readonly id: string;
  readonly version?: string;
  readonly title?: string;
  readonly name?: string;
  readonly publisher?: string;
  readonly copyright?: string;
  readonly url?: string;
  readonly loincPanel?: string;
  readonly items: ParsedItem[];
}

type Json = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The ordinal score: the ordinalValue extension (on the option or its coding), else an integer code. */
function optionScore(option: Json): number | undefined {
  const coding = isRecord(option.valueCoding) ? option.valueCoding : {};
  const extensions = [...list(option.extension), ...list(coding.extension)].filter(isRecord);
  const ordinal = extensions.find((ext) => ext.url === ORDINAL_VALUE_URL);
  const value = ordinal?.valueDecimal ?? ordinal?.valueInteger;
  if (typeof value === 'number') return value;
  const code = str(coding.code);
  if (code !== undefined && /^-?\d+$/.test(code)) return Number(code);
  return typeof option.valueInteger === 'number' ? option.valueInteger : undefined;
}

function parseOptions(raw: unknown, path: string, problems: Problem[]): AnswerOption[] {
  const options: AnswerOption[] = [];
  if (list(raw).length === 0) {
    problems.push({
      code: 'invalid-questionnaire',
      path: `${path}.answerOption`,
      text: 'A choice item needs answer options.',
    });
  }
  list(raw).forEach((option, j) => {
    const score = isRecord(option) ? optionScore(option) : undefined;
    if (score === undefined || !Number.isInteger(score)) {
      problems.push({
        code: 'invalid-questionnaire',
        path: `${path}.answerOption[${String(j)}]`,
        text: 'Answer option has no integer ordinal value.',
      });
      return;
    }
    if (options.some((known) => known.score === score)) {
      problems.push({
        code: 'invalid-questionnaire',
        path: `${path}.answerOption[${String(j)}]`,
        text: `Score ${String(score)} appears twice.`,
      });
      return;
    }
    const coding = isRecord(option) && isRecord(option.valueCoding) ? option.valueCoding : {};
    const label = str(coding.display);
    options.push(label === undefined ? { score } : { score, label });
  });
  return options;
}

/** Simple skip logic only: one or more `=` conditions on one earlier item's integer codes ("any" behaviour). */
function parseEnableWhen(item: Json, path: string, problems: Problem[]): AskedWhen | undefined {
  const conditions = list(item.enableWhen);
  if (conditions.length === 0) return undefined;
  const questions = new Set<unknown>();
  const scores: number[] = [];
  for (const condition of conditions) {
    const coding = isRecord(condition) && isRecord(condition.answerCoding) ? condition.answerCoding : {};
    const code = str(coding.code);
    if (!isRecord(condition) || condition.operator !== '=' || code === undefined || !/^-?\d+$/.test(code))
      break;
    questions.add(condition.question);
    scores.push(Number(code));
  }
  const question = [...questions][0];
  const simple = scores.length === conditions.length && questions.size === 1 && typeof question === 'string';
  if (!simple || (conditions.length > 1 && item.enableBehavior !== 'any')) {
    problems.push({
      code: 'unsupported-item',
      path: `${path}.enableWhen`,
      text: 'Only "=" conditions on one item\'s integer answer codes are supported.',
    });
    return undefined;
  }
  return { item: question, scoreIn: scores, source: 'Imported FHIR enableWhen', certainty: 'local' };
}

/** Parses a FHIR R4 Questionnaire of flat choice items; every problem found is returned, none thrown. */
export function parseQuestionnaire(json: unknown): { parsed: ParsedQuestionnaire; problems: Problem[] } {
  const problems: Problem[] = [];
  const root: Json = isRecord(json) ? json : {};
  if (root.resourceType !== 'Questionnaire') {
    problems.push({
      code: 'invalid-questionnaire',
      path: 'resourceType',
      text: 'resourceType must be "Questionnaire".',
    });
  }
  const id = str(root.id) ?? '';
  if (!/^[A-Za-z0-9\-.]{1,64}$/.test(id)) {
    problems.push({
      code: 'invalid-questionnaire',
      path: 'id',
      text: 'id must be a FHIR id (1–64 letters, digits, "-" or ".").',
    });
  }
  const rawItems = list(root.item);
  if (rawItems.length === 0)
    problems.push({ code: 'invalid-questionnaire', path: 'item', text: 'The Questionnaire has no items.' });
  const items: ParsedItem[] = [];
  rawItems.forEach((raw, i) => {
    const path = `item[${String(i)}]`;
    const item: Json = isRecord(raw) ? raw : {};
    const linkId = str(item.linkId);
    if (linkId === undefined || items.some((known) => known.linkId === linkId)) {
      problems.push({
        code: 'invalid-questionnaire',
        path: `${path}.linkId`,
        text: 'Each item needs a unique linkId.',
      });
      return;
    }
    if (item.type !== 'choice') {
      problems.push({
        code: 'unsupported-item',
        path: `${path}.type`,
        text: `Item ${linkId}: only "choice" items can be scored.`,
      });
      return;
    }
    const options = parseOptions(item.answerOption, path, problems);
    const askedWhen = parseEnableWhen(item, path, problems);
    const text = str(item.text);
    items.push({
      linkId,
      options,
      ...(text === undefined ? {} : { text }),
      ...(askedWhen === undefined ? {} : { askedWhen }),
    });
  });
  const loincPanel = list(root.code)
    .filter(isRecord)
    .find((c) => c.system === LOINC_SYSTEM)?.code;
  const parsed: ParsedQuestionnaire = {
    id,
    items,
    version: str(root.version),
    title: str(root.title),
    name: str(root.name),
    publisher: str(root.publisher),
    copyright: str(root.copyright),
    url: str(root.url),
    loincPanel: str(loincPanel),
  };
  return { parsed, problems };
}
