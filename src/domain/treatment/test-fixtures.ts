// Builders shared by the treatment tests (test support only; not used by the rules).
import type { Outcome } from './problems.ts';
import { defaultProtocols } from './protocols.ts';
import type { SessionPreCheckInput } from './session-gates.ts';
import { beatsPerMinute, kilograms, mmHg, percent, type Kilograms } from './units.ts';
import type { VitalSigns } from './vitals.ts';

export const ivPsychiatric = defaultProtocols['iv-racemic-psychiatric'];
export const ivPain = defaultProtocols['iv-racemic-pain'];
export const esketamine = defaultProtocols['esketamine-intranasal'];
export const sublingual = defaultProtocols['sublingual-kap'];

export const TODAY = '2026-11-22';

/** A weight measured on `measuredOn` (default: today). */
export function weighed(kg: number, measuredOn = TODAY): { kg: Kilograms; measuredOn: string } {
  return { kg: kilograms(kg), measuredOn };
}

/** The value of a successful outcome; fails the test otherwise. */
export function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`Expected success, got ${JSON.stringify(outcome.problems)}`);
  return outcome.value;
}

/** The problem codes of a refused outcome (empty when it succeeded). */
export function codesOf<T>(outcome: Outcome<T>): string[] {
  return outcome.ok ? [] : outcome.problems.map((p) => p.code);
}

/** The problems of a refused outcome; fails the test when it succeeded. */
export function problemsOf<T>(outcome: Outcome<T>): readonly { code: string; path: string; text: string }[] {
  if (outcome.ok) throw new Error('Expected problems, got success');
  return outcome.problems;
}

/** A minute offset from a fixed instant, 2026-11-22 10:00 UTC. */
export function at(minutesAfter: number): Date {
  return new Date(Date.UTC(2026, 10, 22, 10, 0) + minutesAfter * 60_000);
}

/** Vital signs (default 120/80, HR 70, SpO2 98) taken at `takenAt`. */
export function vitals(
  changes: { systolic?: number; diastolic?: number; heartRate?: number; spo2?: number } = {},
  takenAt: Date = at(0),
): VitalSigns {
  return {
    systolic: mmHg(changes.systolic ?? 120),
    diastolic: mmHg(changes.diastolic ?? 80),
    heartRate: beatsPerMinute(changes.heartRate ?? 70),
    spo2: percent(changes.spo2 ?? 98),
    takenAt,
  };
}

/** Session pre-check inputs with nothing missing: a signed eligibility, consent, a fresh baseline, every confirmation. */
export const readyForSession: SessionPreCheckInput = {
  protocol: ivPsychiatric,
  consent: { active: true, route: 'iv-racemic' },
  eligibility: { signed: true },
  baseline: vitals({}, at(-10)),
  now: at(0),
  escortConfirmed: true,
  fastingConfirmed: true,
  newContraindication: false,
  aclsClinicianPresent: true,
  setting: 'clinic',
};
