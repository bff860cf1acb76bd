// Reading the treatment forms: numbers and local times as typed, and a rule's listed reasons from a refusal.
import type { ApiError } from '../api/api-error.ts';
import type { RuleItem } from './treatment-types.ts';

/** A typed number, or undefined when blank or not a number. */
export function toNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** A datetime-local value ("2026-10-01T14:05", the clinic's clock) as an ISO instant, or undefined when blank. */
export { instantOfLocal as instantOf } from '../ui/local-date.ts';

/** Messages for required numbers left blank (or not numbers), keyed by their request path. */
export function missingNumbers(fields: readonly [path: string, text: string, message: string][]) {
  const errors: Record<string, string> = {};
  for (const [path, text, message] of fields) if (toNumber(text) === undefined) errors[path] = message;
  return errors;
}

function isRuleItem(value: unknown): value is RuleItem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.text === 'string' && typeof v.source === 'string';
}

/** The reasons a rule refusal lists under `key` (`blocks` to start, `unmet` to discharge); [] when none. */
export function ruleItems(error: ApiError | null, key: 'blocks' | 'unmet'): RuleItem[] {
  const list = error?.body[key];
  return Array.isArray(list) ? (list as unknown[]).filter(isRuleItem) : [];
}
