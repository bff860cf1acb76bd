// Words for the treatment routes and eligibility decisions, shared by the API's chart lines and the web app.
import type { Route } from './protocol-types.ts';

/** Each route as the clinic says it (the protocols' own titles begin with these words). */
export const ROUTE_LABELS: Readonly<Record<Route, string>> = {
  'iv-racemic': 'IV racemic ketamine',
  im: 'IM racemic ketamine',
  'intranasal-esketamine': 'Intranasal esketamine',
  oral: 'Oral ketamine',
  sublingual: 'Sublingual ketamine',
};

/** An eligibility decision as a clause ("not eligible"). */
export const DECISION_WORDS: Readonly<Record<'eligible' | 'not-eligible' | 'deferred', string>> = {
  eligible: 'eligible',
  'not-eligible': 'not eligible',
  deferred: 'deferred',
};

/** A route's words, or the code itself for one this version does not know (an older record). */
export function routeWords(route: string): string {
  return (ROUTE_LABELS as Readonly<Record<string, string>>)[route] ?? route;
}

/** A decision's words, or the code itself for one this version does not know. */
export function decisionWords(decision: string): string {
  return (DECISION_WORDS as Readonly<Record<string, string>>)[decision] ?? decision;
}

/** The chart line of a signed eligibility decision: "Eligibility for IV racemic ketamine: not eligible (signed by …)". */
export function eligibilityLine(route: string, decision: string, signedBy: string): string {
  return `Eligibility for ${routeWords(route)}: ${decisionWords(decision)} (signed by ${signedBy})`;
}
