// Names for the ids a report carries: practitioners and teams as the screen shows them.
import type { ScopeNames } from './outcome-types.ts';

/** A practitioner's name from the report's names, or a neutral stand-in for someone outside them. */
export function practitionerName(names: ScopeNames, id: string): string {
  return names.practitioners.find((p) => p.id === id)?.displayName ?? 'A practitioner outside this view';
}

/** A team's name, or a stand-in. */
export function teamName(names: ScopeNames, id: string): string {
  return names.services.find((s) => s.id === id)?.name ?? 'A team outside this view';
}
