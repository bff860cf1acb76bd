// Words for the assessment history: what changed since the previous assessment, and how a replay differs.
import type { AssessmentComparison, HarmEvaluation } from './harm-types.ts';

/** "new: visible-haematuria; level up 2→4", or "First assessment". */
export function changesText(c: AssessmentComparison | null): string {
  if (!c) return 'First assessment';
  const parts: string[] = [];
  if (c.newSymptoms.length > 0) parts.push(`new: ${c.newSymptoms.join(', ')}`);
  if (c.resolvedSymptoms.length > 0) parts.push(`resolved: ${c.resolvedSymptoms.join(', ')}`);
  if (c.newRedFlags.length > 0) parts.push(`new red flag: ${c.newRedFlags.join(', ')}`);
  if (c.levelChange !== 'same') parts.push(`level ${c.levelChange} ${c.previousLevel}→${c.currentLevel}`);
  if (c.contentVersionChanged) parts.push('content version changed');
  return parts.length > 0 ? parts.join('; ') : 'No change';
}

const idsOf = (list: readonly { id?: string; ruleId?: string }[]) => list.map((x) => x.ruleId ?? x.id ?? '');

function listDiff(label: string, before: readonly string[], after: readonly string[]): string | null {
  const added = after.filter((x) => !before.includes(x));
  const removed = before.filter((x) => !after.includes(x));
  if (added.length === 0 && removed.length === 0) return null;
  const bits = [
    added.length > 0 ? `+${added.join(', +')}` : '',
    removed.length > 0 ? `−${removed.join(', −')}` : '',
  ];
  return `${label} ${bits.filter(Boolean).join(' ')}`;
}

/** How a replayed evaluation differs from the stored one, in one line. */
export function replayDifference(stored: HarmEvaluation, replayed: HarmEvaluation): string {
  const parts = [
    stored.level !== replayed.level ? `level ${stored.level}→${replayed.level}` : null,
    listDiff('reasons', idsOf(stored.reasons), idsOf(replayed.reasons)),
    listDiff('interventions', idsOf(stored.interventions), idsOf(replayed.interventions)),
    stored.reviewWithinDays !== replayed.reviewWithinDays
      ? `review ${stored.reviewWithinDays}→${replayed.reviewWithinDays} days`
      : null,
    stored.contentVersion !== replayed.contentVersion
      ? `content ${stored.contentVersion}→${replayed.contentVersion}`
      : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join('; ') : 'wording or sources differ';
}
