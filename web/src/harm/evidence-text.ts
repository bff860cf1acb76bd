// The evidence behind a harm proposal in the form's words: inputs, derived values, settings, red flags and
// rules read as labels ("Symptom: Urinary frequency"), never as JSON paths or codes ("symptoms.0.code").
import type { ContentPack, HarmReason } from './harm-types.ts';
import { CO_USE_LABELS, RISK_LABELS, ROUTE_LABELS, SYMPTOM_LABELS, fieldLabel } from './harm-labels.ts';

const labelIn = (labels: Readonly<Record<string, string>>, code: string) => labels[code] ?? code;

const LISTS: readonly [RegExp, string, Readonly<Record<string, string>>][] = [
  [/^symptoms\.\d+\.code$/, 'Symptom', SYMPTOM_LABELS],
  [/^use\.coUse\.\d+(\.code)?$/, 'Co-use', CO_USE_LABELS],
  [/^use\.routes\.\d+(\.code)?$/, 'Route', ROUTE_LABELS],
  [/^risks\.\d+(\.code)?$/, 'Risk', RISK_LABELS],
];

/** "Symptom: Urinary frequency", "Co-use: Alcohol", "Days used in the last 28: 12", "Bingeing: no". */
export function inputText(path: string, value: string | number | boolean): string {
  for (const [pattern, heading, labels] of LISTS)
    if (pattern.test(path)) return `${heading}: ${labelIn(labels, String(value))}`;
  const shown = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
  return `${fieldLabel(path)}: ${shown}`;
}

/** "Areas with harm: Urinary tract, Mental health" for the pack's derived domains. */
export function derivedText(name: string, values: readonly string[], pack: ContentPack | null): string {
  if (name === 'domains')
    return `Areas with harm: ${values.map((id) => pack?.domains.find((d) => d.id === id)?.label ?? id).join(', ')}`;
  return `${name}: ${values.join(', ')}`;
}

/**
 * A reason's text as shown: a pack may name a derived value by its path ("listed under derived.domains", pack
 * 1.0.0 and 2.0.0); the stored text is kept (replay compares it), the path reads as the line that lists it.
 */
export function reasonText(text: string): string {
  return text.replace(/\bderived\.domains\b/g, 'areas with harm');
}

/** The pack's own description of a setting ("SDS total at or above which …"); its name when the pack lacks it. */
export function settingText(name: string, pack: ContentPack | null): string {
  return pack?.settings[name]?.description ?? name;
}

/** A rule's text up to its first colon: "Loin (flank) pain with fever", "eGFR below 60 mL/min/1.73 m²". */
function headline(text: string): string {
  const cut = text.search(/[:.]\s/);
  return cut > 0 ? text.slice(0, cut) : text;
}

/** A red flag as the form names the symptom, or as its rule's text names it. */
export function redFlagText(code: string, reasons: readonly HarmReason[]): string {
  const symptom = (SYMPTOM_LABELS as Readonly<Record<string, string>>)[code];
  if (symptom) return symptom;
  const reason = reasons.find((r) => r.redFlag === code);
  return reason ? headline(reason.text) : code;
}

/** A rule by what it says: the reason it gave, or the pack's rule text; "level 3" for a level's own offer. */
export function ruleText(id: string, reasons: readonly HarmReason[], pack: ContentPack | null): string {
  const level = /^level-(\d)$/.exec(id);
  if (level) return `level ${level[1]}`;
  const text = reasons.find((r) => r.ruleId === id)?.text ?? pack?.rules.find((r) => r.id === id)?.text;
  return text ? headline(reasonText(text)) : id;
}

/** "KASPR harm pathway: default content from published evidence, version 2.0.0" for "kaspr-harm-default@2.0.0". */
export function contentVersionText(contentVersion: string, pack: ContentPack | null): string {
  const at = contentVersion.lastIndexOf('@');
  if (at < 0) return contentVersion;
  const id = contentVersion.slice(0, at);
  const version = contentVersion.slice(at + 1);
  return `${pack?.id === id ? pack.title : id}, version ${version}`;
}
