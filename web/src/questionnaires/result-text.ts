// Words for questionnaire results: score and band, missing items, change against baseline, and the rules used.
import { formatInstantDate } from '../ui/format.ts';
import type { InstrumentDefinition, ResponseEntry, ScoreResult } from './questionnaire-types.ts';

/** The local date of an instant, "01 Oct 2026", in the app's one date style (ui/format.ts). */
export function shortDate(iso: string): string {
  return formatInstantDate(iso);
}

/** "items 3, 4" or "item 3". */
export function itemList(items: readonly string[]): string {
  return `${items.length === 1 ? 'item' : 'items'} ${items.join(', ')}`;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * " (prorated: item 9 missing, average of the answered items used)", or "" for a full set of answers.
 * A prorated total is never shown without saying so.
 */
export function proratedText(result: ScoreResult): string {
  if (!result.prorated) return '';
  return ` (prorated: ${itemList(result.prorated.missingItems)} missing, average of the answered items used)`;
}

/** "Score 18 — Moderately severe", "Triage: High" (C-SSRS) or "Incomplete: items 3, 4 missing". */
export function scoreText(result: ScoreResult): string {
  if (result.total !== null)
    return `Score ${result.total}${result.band ? ` — ${result.band.label}` : ''}${proratedText(result)}`;
  if (result.triage) return `Triage: ${capitalise(result.triage)}`;
  if (result.completeness === 'incomplete') return `Incomplete: ${itemList(result.missingItems)} missing`;
  return 'Complete (no total)';
}

/** The notice after saving: "Saved: PHQ-9 score 18 (Moderately severe)". */
export function savedText(shortTitle: string, result: ScoreResult): string {
  if (result.total !== null)
    return `Saved: ${shortTitle} score ${result.total}${result.band ? ` (${result.band.label})` : ''}${proratedText(result)}`;
  if (result.triage) return `Saved: ${shortTitle} triage ${result.triage}`;
  if (result.completeness === 'incomplete')
    return `Saved: ${shortTitle} incomplete (${itemList(result.missingItems)} missing)`;
  return `Saved: ${shortTitle}`;
}

/** 0.5 (a halving) → "−50%"; −0.2 (worse) → "+20%". */
export function changeText(changeFraction: number): string {
  const pct = Math.round(changeFraction * 100);
  if (pct === 0) return '0%';
  return pct > 0 ? `−${pct}%` : `+${-pct}%`;
}

/** The "vs baseline" cell: "Baseline", "−50% · response · remission", or "—". */
export function baselineText(entry: ResponseEntry): string {
  // Only a total can serve as a baseline to compare with (C-SSRS has a triage level instead).
  if (entry.isBaseline) return entry.result.total === null ? '—' : 'Baseline';
  const against = entry.againstBaseline;
  if (!against) return '—';
  const parts: string[] = [];
  if (against.changeFraction !== null) parts.push(changeText(against.changeFraction));
  if (against.response === true) parts.push('response');
  if (against.remission === true) parts.push('remission');
  return parts.join(' · ') || '—';
}

/** "Response: ≥ 50 % drop from baseline (convention). Remission: total < 5 (convention)." */
export function ruleText(def: Pick<InstrumentDefinition, 'response' | 'remission'>): string {
  const parts: string[] = [];
  if (def.response) {
    const pct = Math.round(def.response.minDropFraction * 100);
    parts.push(`Response: ≥ ${pct} % drop from baseline (${def.response.certainty}).`);
  }
  if (def.remission) {
    const rule = def.remission;
    parts.push(`Remission: total ${rule.comparator === '<' ? '<' : '≤'} ${rule.cutoff} (${rule.certainty}).`);
  }
  return parts.join(' ');
}
