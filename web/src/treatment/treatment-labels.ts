// Words for the treatment pathway's codes: routes, settings, decisions, pregnancy status and observation kinds.
// From the module itself, not the index: the index would pull every protocol into the bundle.
import { routes, sessionSettings } from '../../../src/domain/treatment/protocol-types.ts';
import { ROUTE_LABELS } from '../../../src/domain/treatment/route-labels.ts';
import type {
  EligibilityDecision,
  ObservationKind,
  PregnancyStatus,
  Route,
  SessionSetting,
} from './treatment-types.ts';

export { ROUTE_LABELS };

export const SETTING_LABELS: Readonly<Record<SessionSetting, string>> = {
  clinic: 'Clinic',
  home: 'Home',
  remote: 'Remote (video)',
};

export const DECISION_LABELS: Readonly<Record<EligibilityDecision, string>> = {
  eligible: 'Eligible',
  'not-eligible': 'Not eligible',
  deferred: 'Deferred',
};

export const PREGNANCY_LABELS: Readonly<Record<PregnancyStatus, string>> = {
  'not-applicable': 'Not applicable',
  'not-pregnant': 'Not pregnant',
  pregnant: 'Pregnant',
  unknown: 'Unknown',
};

export const OBSERVATION_LABELS: Readonly<Record<ObservationKind, string>> = {
  cadss: 'CADSS score',
  sedation: 'Sedation score',
  'adverse-event': 'Adverse event',
  'rescue-medication': 'Rescue medication',
  note: 'Therapist note',
};

export const PREGNANCY_STATUSES = [
  'not-applicable',
  'not-pregnant',
  'pregnant',
  'unknown',
] as const satisfies readonly PregnancyStatus[];

export const DECISIONS = [
  'eligible',
  'not-eligible',
  'deferred',
] as const satisfies readonly EligibilityDecision[];

export const OBSERVATION_KINDS = [
  'cadss',
  'sedation',
  'adverse-event',
  'rescue-medication',
  'note',
] as const satisfies readonly ObservationKind[];

export const ROUTE_OPTIONS = routes.map((value) => ({ value, label: ROUTE_LABELS[value] }));
export const SETTING_OPTIONS = sessionSettings.map((value) => ({ value, label: SETTING_LABELS[value] }));

/** A route's words, or the code itself for one this client does not know. */
export function routeLabel(route: string): string {
  return (ROUTE_LABELS as Readonly<Record<string, string>>)[route] ?? route;
}

/** Narrows a select's value to a route. */
export function asRoute(value: string): Route | undefined {
  return routes.find((r) => r === value);
}

/** Narrows a select's value to a pregnancy status. */
export function asPregnancyStatus(value: string): PregnancyStatus | undefined {
  return PREGNANCY_STATUSES.find((p) => p === value);
}

/** Narrows a select's value to a session setting. */
export function asSetting(value: string): SessionSetting | undefined {
  return sessionSettings.find((s) => s === value);
}

/** "iv-racemic-psychiatric@1.0.0" → "iv-racemic-psychiatric". */
export function protocolIdOf(ref: string): string {
  return ref.split('@')[0] ?? ref;
}

/**
 * A protocol reference as people read it: its title ("IV racemic ketamine — psychiatric indications"), with
 * "version 1.0.0" when the session ran under a version other than the one listed; never "id@1.0.0".
 */
export function protocolName(
  ref: string,
  protocols: readonly { ref: string; id: string; title: string }[],
): string {
  const exact = protocols.find((p) => p.ref === ref);
  if (exact) return exact.title;
  const [id = ref, version] = ref.split('@');
  const named = protocols.find((p) => p.id === id)?.title ?? id;
  return version ? `${named}, version ${version}` : named;
}
