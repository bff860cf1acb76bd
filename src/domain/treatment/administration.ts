// One administration event checked against its session (order and time, where stock may be drawn, the dose or
// rate given against the protocol, the amount at a stop), and what the record keeps for it.
import { checkGivenDose, type PlannedDose } from './administration-dose.ts';
import { administrationStepRefusal, type AdministrationEvent } from './administration-state.ts';
import { stopAmount, type StopAmount } from './administration-stop.ts';
import type { RecordedSessionEvent } from './discharge-events.ts';
import type { WeightReading } from './dose-types.ts';
import type { TreatmentProblemCode } from './problems.ts';
import type { Protocol } from './protocol.ts';
import type { SessionStateCode } from './session-state.ts';

/** What the session holds when an event is asked for. */
export interface AdministrationSession {
  readonly now: Date;
  readonly startedAt: Date;
  readonly baselineAt: Date;
  readonly discharged: boolean;
  readonly events: readonly RecordedSessionEvent[];
  readonly protocol: Protocol;
  readonly planned: PlannedDose;
  /** The concentration the session's dose plan recorded (mg/mL), for a stop without one at the start. */
  readonly plannedConcentrationMgPerMl: number | null;
  /** The chart weight and today's date on the clinic's calendar, for a dose that differs from the plan. */
  readonly weight: WeightReading | null;
  readonly today: string;
  readonly firstSession?: boolean;
  /**
   * True when the controlled-drug register holds stock the session's service can draw: a start then draws from it
   * (the default source) or gives the reason it does not (journey review 2026-12 item 15).
   */
  readonly registerStockAvailable?: boolean;
}

/** The event asked for, as entered. */
export interface AdministrationRequest {
  readonly event: AdministrationEvent;
  readonly at: Date;
  readonly doseMg?: number;
  readonly rateMgPerHour?: number;
  readonly reason?: string;
  readonly givenMg?: number;
  readonly givenMl?: number;
  /** True when the request asks to draw controlled-drug stock. */
  readonly drawsStock: boolean;
  /** A start not drawn from the register: why. */
  readonly notFromRegisterReason?: string | undefined;
}

/** Why the event is refused: `blocked` by the session's state, or `out-of-bounds` input; the field when known. */
export interface AdministrationRefusal {
  readonly kind: 'blocked' | 'out-of-bounds';
  readonly code: SessionStateCode | TreatmentProblemCode;
  readonly text: string;
  readonly path?: string;
  /** The field message when it differs from `text`. */
  readonly message?: string;
}

/** Where the started dose was drawn from, as the start recorded it. */
export interface StartStock {
  readonly productId: string;
  readonly locationId: string;
  readonly entryId?: string;
}

/** The event as it will be recorded. */
export interface AdministrationPlan {
  readonly kind: `administration-${AdministrationEvent}`;
  readonly at: Date;
  readonly dose: {
    readonly doseMg: number | null;
    readonly rateMgPerHour: number | null;
    readonly reason: string | null;
  };
  /** The dose recorded at the start, or null. */
  readonly startedMg: number | null;
  readonly stopped: StopAmount | null;
  /** Draw the started dose from stock (a start that asked to). */
  readonly drawStock: boolean;
  /** Why a start's dose is not drawn from the register, when a reason was given; else null. */
  readonly notFromRegisterReason: string | null;
  /** The stock to correct when a stop gave less than the start drew. */
  readonly refundFrom: StartStock | null;
  /** The chart line, or null (a rate change stays in the session panel). */
  readonly timeline: string | null;
}

export type AdministrationOutcome =
  | { readonly ok: true; readonly value: AdministrationPlan }
  | { readonly ok: false; readonly refusal: AdministrationRefusal };

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The first start and the first stop of a session's record (later ones cannot be recorded). */
export function administrationEvents<E extends { kind: string }>(
  events: readonly E[],
): { start: E | undefined; stop: E | undefined } {
  return {
    start: events.find((e) => e.kind === 'administration-start'),
    stop: events.find((e) => e.kind === 'administration-stop'),
  };
}

/** A session's stored dose plan as the plan the checks use. */
export function plannedDoseOf(dose: Readonly<Record<string, unknown>>): PlannedDose {
  const reason = dose.prescriberReason;
  return {
    doseMg: num(dose.doseMg) ?? 0,
    rateMgPerHour: num(dose.rateMgPerHour),
    durationMin: num(dose.durationMin),
    ...(typeof reason === 'string' ? { prescriberReason: reason } : {}),
  };
}

/** The stock a start drew from, as recorded, or null. */
function startStock(start: RecordedSessionEvent | undefined): StartStock | null {
  const s = start?.data.cdStock;
  if (typeof s !== 'object' || s === null) return null;
  const r = s as Record<string, unknown>;
  const productId = text(r.productId);
  const locationId = text(r.locationId);
  const entryId = text(r.entryId);
  return productId && locationId ? { productId, locationId, ...(entryId ? { entryId } : {}) } : null;
}

/** Times and amounts are input out of bounds (422); order and discharge block in the current state (409). */
const stateKind = (code: SessionStateCode): AdministrationRefusal['kind'] =>
  code === 'administration-time-invalid' || code.includes('amount') ? 'out-of-bounds' : 'blocked';

function stopped(s: AdministrationSession, r: AdministrationRequest, start?: RecordedSessionEvent) {
  const startedMg = start ? num(start.data.doseMg) : null;
  const { durationMin } = s.planned;
  return stopAmount({
    startedDoseMg: startedMg,
    concentrationMgPerMl: num(start?.data.concentrationMgPerMl) ?? s.plannedConcentrationMgPerMl,
    plannedEndAt:
      start && s.protocol.duration !== null && durationMin !== null
        ? new Date(start.at.getTime() + durationMin * 60_000)
        : null,
    at: r.at,
    ...(r.givenMg !== undefined ? { givenMg: r.givenMg } : {}),
    ...(r.givenMl !== undefined ? { givenMl: r.givenMl } : {}),
  });
}

function timelineLine(plan: Omit<AdministrationPlan, 'timeline'>): string | null {
  if (plan.kind === 'administration-start')
    return `Administration started${plan.dose.doseMg !== null ? ` (${String(plan.dose.doseMg)} mg)` : ''}`;
  if (plan.kind === 'administration-stop')
    return `Administration stopped${plan.stopped?.givenMg != null ? `: ${String(plan.stopped.givenMg)} mg given` : ''}`;
  return null;
}

const NO_DOSE = { doseMg: null, rateMgPerHour: null, reason: null };

/**
 * Where a start's dose comes from: the register is the default source, so while it holds stock for the session's
 * service a start either draws from it (`cdStock`) or says why not (`notFromRegisterReason`). A reason goes only
 * with a start that does not draw.
 */
export function stockSourceRefusal(
  s: Pick<AdministrationSession, 'registerStockAvailable'>,
  r: Pick<AdministrationRequest, 'event' | 'drawsStock' | 'notFromRegisterReason'>,
): AdministrationRefusal | null {
  const reason = r.notFromRegisterReason?.trim() ?? '';
  const path = 'notFromRegisterReason';
  if (reason && (r.drawsStock || r.event !== 'start')) {
    return {
      kind: 'out-of-bounds',
      code: 'cd-stock-reason-with-stock',
      path,
      text: r.drawsStock
        ? 'This dose is drawn from the controlled-drug register: a reason is given only for a dose not drawn from it.'
        : 'A reason for a dose not drawn from the register goes with the start of administration.',
      message: 'Only with a start that does not draw from the register',
    };
  }
  if (r.event === 'start' && !r.drawsStock && s.registerStockAvailable === true && !reason) {
    return {
      kind: 'out-of-bounds',
      code: 'cd-stock-reason-required',
      path,
      text: 'The controlled-drug register holds stock for this service: draw the dose from it, or give the reason it is not drawn from the register.',
      message: 'Give the reason the dose is not drawn from the register',
    };
  }
  return null;
}

/**
 * Whether the event may be recorded, and how: the state machine first (`administrationStepRefusal`), then stock
 * (drawn only at the start), then the dose or rate given (`checkGivenDose`) or, at a stop, the amount given
 * (`stopAmount`), then where a start's dose comes from (`stockSourceRefusal`). A stop that gave less than a start
 * drew from stock names that stock for the register correction.
 */
export function administrationCheck(
  s: AdministrationSession,
  r: AdministrationRequest,
): AdministrationOutcome {
  const { start, stop } = administrationEvents(s.events);
  const state = administrationStepRefusal({
    event: r.event,
    at: r.at,
    now: s.now,
    sessionStartedAt: s.startedAt,
    baselineAt: s.baselineAt,
    state: { startedAt: start?.at ?? null, stoppedAt: stop?.at ?? null, discharged: s.discharged },
  });
  if (state) return { ok: false, refusal: { kind: stateKind(state.code), ...state } };
  if (r.drawsStock && r.event !== 'start') {
    const refusal = { kind: 'out-of-bounds', code: 'cd-stock-at-start-only', path: 'cdStock' } as const;
    const message = 'Only with event "start"';
    return {
      ok: false,
      refusal: { ...refusal, text: 'Stock is drawn when administration starts.', message },
    };
  }
  const startedMg = start ? num(start.data.doseMg) : null;
  const notFromRegisterReason = r.notFromRegisterReason?.trim() || null;
  const base = {
    kind: `administration-${r.event}` as const,
    at: r.at,
    startedMg,
    drawStock: r.drawsStock,
    notFromRegisterReason,
  };
  if (r.event === 'stop') {
    const source = stockSourceRefusal(s, r);
    if (source) return { ok: false, refusal: source };
    const amount = stopped(s, r, start);
    if (!amount.ok)
      return { ok: false, refusal: { kind: stateKind(amount.refusal.code), ...amount.refusal } };
    const stock = startStock(start);
    const refundFrom = amount.value.leftOverMg > 0 ? stock : null;
    const plan = { ...base, dose: NO_DOSE, stopped: amount.value, refundFrom };
    return { ok: true, value: { ...plan, timeline: timelineLine(plan) } };
  }
  const checked = checkGivenDose({
    protocol: s.protocol,
    planned: s.planned,
    event: r.event,
    weight: s.weight,
    today: s.today,
    ...(s.firstSession !== undefined ? { firstSession: s.firstSession } : {}),
    ...(startedMg !== null ? { runningDoseMg: startedMg } : {}),
    ...(r.doseMg !== undefined ? { doseMg: r.doseMg } : {}),
    ...(r.rateMgPerHour !== undefined ? { rateMgPerHour: r.rateMgPerHour } : {}),
    ...(r.reason !== undefined ? { reason: r.reason } : {}),
  });
  if (!checked.ok) return { ok: false, refusal: { kind: 'out-of-bounds', ...checked.refusal } };
  const source = stockSourceRefusal(s, r);
  if (source) return { ok: false, refusal: source };
  const dose = {
    doseMg: r.event === 'start' ? checked.value.doseMg : null,
    rateMgPerHour: checked.value.rateMgPerHour,
    reason: checked.value.reason,
  };
  const plan = { ...base, dose, stopped: null, refundFrom: null };
  return { ok: true, value: { ...plan, timeline: timelineLine(plan) } };
}

/** Given against planned, for the session detail: what the clinical record says the patient received. */
export function administrationStatus(
  planned: PlannedDose,
  events: readonly { kind: string; data: Readonly<Record<string, unknown>> }[],
) {
  const { start, stop } = administrationEvents(events);
  const startedMg = start ? num(start.data.doseMg) : null;
  const status: 'not-started' | 'running' | 'stopped' = stop ? 'stopped' : start ? 'running' : 'not-started';
  return {
    status,
    plannedMg: planned.doseMg,
    startedMg,
    // A stop recorded before the amount was asked for stands for the dose started.
    givenMg: stop ? (num(stop.data.givenMg) ?? startedMg) : null,
    leftOverMg: stop ? (num(stop.data.leftOverMg) ?? 0) : null,
    stoppedEarly: stop ? stop.data.stoppedEarly === true : null,
  };
}
