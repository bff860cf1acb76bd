// Dose calculation at the edge: chart weight or a weight measured today, domain refusals as named 422s.
import {
  calculateDose,
  defaultProtocol,
  kilograms,
  mgPerKg,
  mgPerMl,
  milligrams,
  millilitres,
  minutes,
  type DoseResult,
  type Protocol,
} from '../../domain/treatment/index.ts';
import { effectiveProtocol, protocolSettings } from '../../domain/treatment/protocol-settings.ts';
import type { Queryable } from '../../store/db.ts';
import { latestProtocolSettings } from '../../store/protocol-settings.ts';
import { problem, ruleRefusal } from '../problem.ts';

export interface DoseInput {
  mgPerKg?: number | undefined;
  doseMg?: number | undefined;
  durationMin?: number | undefined;
  concentrationMgPerMl?: number | undefined;
  bagVolumeMl?: number | undefined;
  prescriberReason?: string | undefined;
}

/** The shipped protocol with this id, or a 404 problem. */
export function protocolOr404(id: string): Protocol {
  const protocol = defaultProtocol(id);
  if (!protocol) throw problem('not-found', `No protocol "${id}".`);
  return protocol;
}

/** The settings version a service's protocol uses (null: the shipped defaults). */
export interface SettingsRef {
  readonly version: number;
  readonly changedAt: string;
}

/**
 * The protocol as `serviceId` uses it: the shipped default with the service's latest settings (clinic.md §1,
 * Yip 2022: BP thresholds configurable per clinic). No service, or no settings, gives the shipped protocol.
 * Settings a newer shipped protocol no longer has are dropped; settings it now refuses block with 409.
 */
export async function serviceProtocolOr404(
  db: Queryable,
  id: string,
  serviceId: string | null | undefined,
): Promise<Protocol> {
  return (await serviceProtocolWithSettings(db, id, serviceId)).protocol;
}

/** `serviceProtocolOr404` with the settings version it used. */
export async function serviceProtocolWithSettings(
  db: Queryable,
  id: string,
  serviceId: string | null | undefined,
): Promise<{ protocol: Protocol; settings: SettingsRef | null }> {
  const shipped = protocolOr404(id);
  if (!serviceId) return { protocol: shipped, settings: null };
  const row = await latestProtocolSettings(db, serviceId, id);
  if (!row) return { protocol: shipped, settings: null };
  const known = new Set(protocolSettings(shipped, {}).map((s) => s.path));
  const overrides = Object.fromEntries(Object.entries(row.overrides).filter(([path]) => known.has(path)));
  const settings = { version: row.version, changedAt: row.changed_at.toISOString() };
  const outcome = effectiveProtocol(shipped, overrides, settings);
  if (!outcome.ok) {
    const first = outcome.problems[0];
    throw ruleRefusal(
      'blocked',
      first?.code ?? 'inconsistent-range',
      `This service's settings for protocol ${id} (version ${row.version}) no longer fit the shipped protocol: an administrator must correct them. ${outcome.problems.map((p) => p.text).join(' ')}`,
      { problems: outcome.problems },
    );
  }
  return { protocol: outcome.value, settings };
}

/** Calculates a dose or throws the domain's first refusal as `422 <code>` with every problem listed. */
export function doseOrRefuse(
  protocol: Protocol,
  weight: { kg: number; measuredOn: string } | null,
  today: string,
  input: DoseInput,
  firstSession?: boolean,
): DoseResult {
  const outcome = calculateDose({
    protocol,
    weight: weight ? { kg: kilograms(weight.kg), measuredOn: weight.measuredOn } : null,
    today,
    ...(input.mgPerKg !== undefined ? { mgPerKg: mgPerKg(input.mgPerKg) } : {}),
    ...(input.doseMg !== undefined ? { doseMg: milligrams(input.doseMg) } : {}),
    ...(input.durationMin !== undefined ? { durationMin: minutes(input.durationMin) } : {}),
    ...(input.concentrationMgPerMl !== undefined
      ? { concentrationMgPerMl: mgPerMl(input.concentrationMgPerMl) }
      : {}),
    ...(input.bagVolumeMl !== undefined ? { bagVolumeMl: millilitres(input.bagVolumeMl) } : {}),
    ...(input.prescriberReason ? { prescriberReason: input.prescriberReason } : {}),
    ...(firstSession !== undefined ? { firstSession } : {}),
  });
  if (!outcome.ok) {
    const first = outcome.problems[0];
    throw ruleRefusal(
      'out-of-bounds',
      first?.code ?? 'dose-not-allowed',
      outcome.problems.map((p) => p.text).join(' '),
      { problems: outcome.problems },
      outcome.problems.map((p) => ({ path: `body.${p.path}`, message: p.text })),
    );
  }
  return outcome.value;
}
