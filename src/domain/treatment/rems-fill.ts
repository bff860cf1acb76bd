// How the REMS Patient Monitoring Form is filled from the session: the 40-minute BP only from its window,
// "vital signs acceptable before administration" from the pre-dose check, and concomitant medication only as
// confirmed by a person (the name matcher's answer is a suggestion).
import { bpCheckpointsDue, readingForCheckpoint } from './bp-checkpoint.ts';
import type { Protocol } from './protocol.ts';
import { isAbove } from './rounding.ts';
import type { FormBloodPressure, RemsMonitoringRecord } from './rems.ts';
import type { VitalSigns } from './vitals.ts';

/** The form's concomitant-medication questions. */
export type RemsMedicationField =
  'benzodiazepines' | 'nonBenzodiazepineSedativeHypnotics' | 'psychostimulants' | 'maois' | 'opioids';

/** Every question, in the form's order. */
export const remsMedicationFields: readonly RemsMedicationField[] = [
  'benzodiazepines',
  'nonBenzodiazepineSedativeHypnotics',
  'psychostimulants',
  'maois',
  'opioids',
];

/** The interaction class behind each question. */
const CLASS_FOR: Readonly<Record<RemsMedicationField, string>> = {
  benzodiazepines: 'benzodiazepine',
  nonBenzodiazepineSedativeHypnotics: 'non-benzodiazepine-hypnotic',
  psychostimulants: 'psychostimulant',
  maois: 'maoi',
  opioids: 'opioid',
};

/** A Y/N for each question. */
export type RemsMedicationAnswers = Readonly<Record<RemsMedicationField, boolean>>;

/** A person's answers, with who confirmed them and when. */
export interface RemsMedicationConfirmation {
  readonly answers: RemsMedicationAnswers;
  readonly confirmedBy: string;
  readonly confirmedAt: Date;
}

/** What the name matcher found, as a suggestion for each question (never an answer on the form). */
export function remsMedicationSuggestion(flaggedClassIds: readonly string[]): RemsMedicationAnswers {
  const flagged = new Set(flaggedClassIds);
  const entries = remsMedicationFields.map((f) => [f, flagged.has(CLASS_FOR[f])] as const);
  return Object.fromEntries(entries) as Record<RemsMedicationField, boolean>;
}

/** The form's answers: the latest person's confirmation, or every question left unanswered (null). */
export function remsConcomitantMedication(
  confirmation: RemsMedicationConfirmation | null,
): RemsMonitoringRecord['concomitantMedication'] {
  const a = confirmation?.answers;
  return {
    benzodiazepines: a?.benzodiazepines ?? null,
    nonBenzodiazepineSedativeHypnotics: a?.nonBenzodiazepineSedativeHypnotics ?? null,
    psychostimulants: a?.psychostimulants ?? null,
    maois: a?.maois ?? null,
    opioids: a?.opioids ?? null,
  };
}

/** The BP to report as "40 min after administration": only a reading in the 40-minute window, else null. */
export function remsFortyMinuteBp(
  protocol: Protocol,
  dosedAt: Date,
  readings: readonly VitalSigns[],
): FormBloodPressure | null {
  const due = bpCheckpointsDue(protocol, dosedAt).find((c) => c.checkpoint.value === 40);
  const reading = due ? readingForCheckpoint(due, readings) : null;
  return reading ? { systolic: reading.systolic, diastolic: reading.diastolic } : null;
}

/** Who acknowledged a pre-dose BP above the threshold, and when (as recorded at the start of the session). */
export interface PreDoseAcknowledgement {
  readonly by: string | null;
  readonly at: Date;
}

/**
 * "Were vital signs in acceptable range before administration?": Yes only when the pre-dose BP was within the
 * protocol's pre-dose thresholds (clinic.md §2: >140 systolic or >90 diastolic is elevated) and the baseline is
 * complete; No, with the prescriber's acknowledgement named, when dosing went ahead over a high BP.
 */
export function remsPreDoseAcceptable(
  protocol: Protocol,
  baseline: VitalSigns,
  acknowledgement: PreDoseAcknowledgement | null,
): { readonly acceptable: boolean; readonly note: string | null } {
  const numbers = [baseline.systolic, baseline.diastolic, baseline.heartRate, baseline.spo2];
  if (!numbers.every(Number.isFinite))
    return { acceptable: false, note: 'The pre-dose reading is incomplete.' };
  const { systolicAbove: sys, diastolicAbove: dia } = protocol.preDose;
  const high = isAbove(baseline.systolic, sys.value) || isAbove(baseline.diastolic, dia.value);
  if (!high) return { acceptable: true, note: null };
  const bp = `Pre-dose BP ${baseline.systolic}/${baseline.diastolic} mmHg was above ${sys.value}/${dia.value}`;
  if (acknowledgement === null) return { acceptable: false, note: `${bp}.` };
  const who = acknowledgement.by === null ? 'a prescriber' : `prescriber ${acknowledgement.by}`;
  return {
    acceptable: false,
    note: `${bp}; dosing went ahead, acknowledged by ${who} at ${acknowledgement.at.toISOString()}.`,
  };
}
