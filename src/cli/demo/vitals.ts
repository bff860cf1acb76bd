// Synthetic vital signs for a dosing session: a baseline, the rise during an infusion, and recovery to within a
// few per cent of baseline by discharge (the protocols allow ±15 %).
import type { Random } from './random.ts';

export interface DemoVitals {
  takenAt: string;
  systolic: number;
  diastolic: number;
  heartRate: number;
  spo2: number;
  respiratoryRate: number;
}

/** A person's resting readings, kept across their sessions. */
export interface RestingVitals {
  readonly systolic: number;
  readonly diastolic: number;
  readonly heartRate: number;
}

export function restingVitals(random: Random): RestingVitals {
  return { systolic: random.int(108, 136), diastolic: random.int(66, 86), heartRate: random.int(60, 82) };
}

/**
 * One reading at `at`: `rise` is the fractional rise over resting (0.0 at baseline and recovery, about 0.1–0.2
 * during an infusion); `surge` gives a hypertensive reading that raises the protocol's urgent alert.
 */
export function reading(
  random: Random,
  resting: RestingVitals,
  at: Date,
  rise: number,
  surge = false,
): DemoVitals {
  const jitter = (v: number, pct: number) => Math.round(v * (1 + (random.next() * 2 - 1) * pct));
  const sbp = surge ? random.int(182, 192) : jitter(resting.systolic * (1 + rise), 0.03);
  const dbp = surge ? random.int(101, 108) : jitter(resting.diastolic * (1 + rise * 0.8), 0.03);
  return {
    takenAt: at.toISOString(),
    systolic: sbp,
    diastolic: dbp,
    heartRate: jitter(resting.heartRate * (1 + rise * 0.6), 0.03),
    spo2: random.int(96, 99),
    respiratoryRate: random.int(12, 18),
  };
}
