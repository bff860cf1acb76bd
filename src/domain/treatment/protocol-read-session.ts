// Reads a protocol's monitoring, alert, weight, pre-dose, preparation, staffing, setting and discharge rules.
import { isJsonObject, readArray, readObject, readOneOf, readText } from '../core/json-read.ts';
import { readSourced } from './read-sourced.ts';
import type { ProblemList } from './problems.ts';
import type {
  DischargeRule,
  NoDrivingRule,
  PreDoseRule,
  PreparationRule,
  SessionSettingRule,
  StaffingRule,
  WeightRule,
} from './protocol.ts';
import {
  checkOrder,
  readOptionalValue,
  readRequirement,
  readThreshold,
  readValue,
} from './protocol-read-values.ts';
import {
  sessionSettings,
  type AlertThresholds,
  type MonitoringRule,
  type SessionSetting,
} from './protocol-types.ts';

/** Undefined when any field failed to read, otherwise the object itself (now fully typed). */
function whole<T extends object>(obj: { [K in keyof T]: T[K] | undefined }): T | undefined {
  return Object.values(obj).some((v) => v === undefined) ? undefined : (obj as T);
}

/** When vitals are taken. */
export function readMonitoring(p: ProblemList, value: unknown, at: string): MonitoringRule | undefined {
  const o = readObject(p, value, at, [
    'vitalsDuringEvery',
    'vitalsAfterEvery',
    'bpCheckpoints',
    'pulseOximetry',
    'chaperoneCheckInEvery',
  ]);
  if (o === undefined) return undefined;
  const list = readArray(p, o.bpCheckpoints, `${at}.bpCheckpoints`);
  const checkpoints = list?.map((v, i) => readValue(p, v, `${at}.bpCheckpoints.${i}`, 'min'));
  const bpCheckpoints = checkpoints?.every((c) => c !== undefined) ? checkpoints : undefined;
  return whole<MonitoringRule>({
    vitalsDuringEvery: readOptionalValue(p, o.vitalsDuringEvery, `${at}.vitalsDuringEvery`, 'min'),
    vitalsAfterEvery: readOptionalValue(p, o.vitalsAfterEvery, `${at}.vitalsAfterEvery`, 'min'),
    bpCheckpoints,
    pulseOximetry: readRequirement(p, o.pulseOximetry, `${at}.pulseOximetry`),
    chaperoneCheckInEvery: readOptionalValue(
      p,
      o.chaperoneCheckInEvery,
      `${at}.chaperoneCheckInEvery`,
      'min',
    ),
  });
}

/** Vital-sign alert thresholds (each may be null to switch it off). */
export function readAlerts(p: ProblemList, value: unknown, at: string): AlertThresholds | undefined {
  const o = readObject(p, value, at, [
    'systolic',
    'diastolic',
    'heartRate',
    'systolicLow',
    'heartRateLow',
    'spo2',
    'respiratoryRate',
    'systolicRise',
    'diastolicRise',
  ]);
  if (o === undefined) return undefined;
  return whole<AlertThresholds>({
    systolic: readThreshold(p, o.systolic, `${at}.systolic`, 'mmHg'),
    diastolic: readThreshold(p, o.diastolic, `${at}.diastolic`, 'mmHg'),
    heartRate: readThreshold(p, o.heartRate, `${at}.heartRate`, 'bpm'),
    systolicLow: readThreshold(p, o.systolicLow, `${at}.systolicLow`, 'mmHg'),
    heartRateLow: readThreshold(p, o.heartRateLow, `${at}.heartRateLow`, 'bpm'),
    spo2: readThreshold(p, o.spo2, `${at}.spo2`, '%'),
    respiratoryRate: readThreshold(p, o.respiratoryRate, `${at}.respiratoryRate`, 'breaths/min'),
    systolicRise: readThreshold(p, o.systolicRise, `${at}.systolicRise`, 'mmHg'),
    diastolicRise: readThreshold(p, o.diastolicRise, `${at}.diastolicRise`, 'mmHg'),
  });
}

/** Weight age and plausible range. */
export function readWeightRule(p: ProblemList, value: unknown, at: string): WeightRule | undefined {
  const o = readObject(p, value, at, ['maxAge', 'plausibleMin', 'plausibleMax']);
  if (o === undefined) return undefined;
  const rule = whole<WeightRule>({
    maxAge: readValue(p, o.maxAge, `${at}.maxAge`, 'days'),
    plausibleMin: readValue(p, o.plausibleMin, `${at}.plausibleMin`, 'kg'),
    plausibleMax: readValue(p, o.plausibleMax, `${at}.plausibleMax`, 'kg'),
  });
  checkOrder(
    p,
    rule?.plausibleMin,
    rule?.plausibleMax,
    `${at}.plausibleMax`,
    'The plausible weight range is reversed',
  );
  return rule;
}

/** Pre-dose BP thresholds and baseline age. */
export function readPreDose(p: ProblemList, value: unknown, at: string): PreDoseRule | undefined {
  const o = readObject(p, value, at, [
    'systolicAbove',
    'diastolicAbove',
    'baselineMaxAge',
    'systolicCeiling',
    'diastolicCeiling',
    'minIntervalHours',
    'minIntervalRefuses',
  ]);
  if (o === undefined) return undefined;
  const rule = whole<PreDoseRule>({
    systolicAbove: readValue(p, o.systolicAbove, `${at}.systolicAbove`, 'mmHg'),
    diastolicAbove: readValue(p, o.diastolicAbove, `${at}.diastolicAbove`, 'mmHg'),
    baselineMaxAge: readValue(p, o.baselineMaxAge, `${at}.baselineMaxAge`, 'min'),
  });
  // Optional (null when absent): protocols stored before these settings existed use the shipped defaults.
  const opt = <T>(v: unknown, read: (v: unknown) => T | undefined): T | null | undefined =>
    v === undefined ? null : read(v);
  const sysCeiling = opt(o.systolicCeiling, (v) => readValue(p, v, `${at}.systolicCeiling`, 'mmHg'));
  const diaCeiling = opt(o.diastolicCeiling, (v) => readValue(p, v, `${at}.diastolicCeiling`, 'mmHg'));
  const interval = opt(o.minIntervalHours, (v) => readValue(p, v, `${at}.minIntervalHours`, 'h'));
  const refuses = opt(o.minIntervalRefuses, (v) => readRequirement(p, v, `${at}.minIntervalRefuses`));
  if (rule === undefined || [sysCeiling, diaCeiling, interval, refuses].includes(undefined)) return undefined;
  return {
    ...rule,
    ...(sysCeiling ? { systolicCeiling: sysCeiling } : {}),
    ...(diaCeiling ? { diastolicCeiling: diaCeiling } : {}),
    ...(interval ? { minIntervalHours: interval } : {}),
    ...(refuses ? { minIntervalRefuses: refuses } : {}),
  };
}

/** Fasting (with the instructions given to the patient) and escort. */
export function readPreparation(p: ProblemList, value: unknown, at: string): PreparationRule | undefined {
  const o = readObject(p, value, at, ['fasting', 'escort']);
  if (o === undefined) return undefined;
  const fasting = readRequirement(p, o.fasting, `${at}.fasting`, ['instructions']);
  const instructions = isJsonObject(o.fasting)
    ? readText(p, o.fasting.instructions, `${at}.fasting.instructions`)
    : undefined;
  return whole<PreparationRule>({
    fasting: fasting && instructions !== undefined ? { ...fasting, instructions } : undefined,
    escort: readRequirement(p, o.escort, `${at}.escort`),
  });
}

/** ACLS clinician, prescriber on site, REMS enrolment. */
export function readStaffing(p: ProblemList, value: unknown, at: string): StaffingRule | undefined {
  const o = readObject(p, value, at, ['aclsClinician', 'prescriberOnSite', 'remsEnrolment']);
  if (o === undefined) return undefined;
  return whole<StaffingRule>({
    aclsClinician: readRequirement(p, o.aclsClinician, `${at}.aclsClinician`),
    prescriberOnSite: readRequirement(p, o.prescriberOnSite, `${at}.prescriberOnSite`),
    remsEnrolment: readRequirement(p, o.remsEnrolment, `${at}.remsEnrolment`),
  });
}

/** Allowed session settings and the chaperone rule away from the clinic. */
export function readSessions(p: ProblemList, value: unknown, at: string): SessionSettingRule | undefined {
  const o = readObject(p, value, at, ['allowed', 'chaperoneAwayFromClinic', 'source', 'certainty']);
  if (o === undefined) return undefined;
  const list = readArray(p, o.allowed, `${at}.allowed`);
  const allowed = list?.map((v, i) => readOneOf(p, v, `${at}.allowed.${i}`, sessionSettings));
  if (list?.length === 0)
    p.push({ code: 'empty', path: `${at}.allowed`, text: 'At least one setting must be allowed.' });
  const chaperone = readRequirement(p, o.chaperoneAwayFromClinic, `${at}.chaperoneAwayFromClinic`);
  const sourced = readSourced(p, o, at);
  if (!allowed || allowed.length === 0 || allowed.some((s) => s === undefined) || !chaperone)
    return undefined;
  return { allowed: allowed as SessionSetting[], chaperoneAwayFromClinic: chaperone, ...sourced };
}

function readNoDriving(p: ProblemList, value: unknown, at: string): NoDrivingRule | undefined {
  const o = readObject(p, value, at, ['kind', 'hours', 'source', 'certainty']);
  if (o === undefined) return undefined;
  const kind = readOneOf(p, o.kind, `${at}.kind`, ['hours-after-end', 'next-day-after-sleep'] as const);
  if (kind === 'next-day-after-sleep') return { kind, ...readSourced(p, o, at) };
  const hours = readValue(p, o.hours, `${at}.hours`, 'h');
  return kind && hours ? { kind, hours } : undefined;
}

/** What must hold before discharge, and when driving may resume. */
export function readDischarge(p: ProblemList, value: unknown, at: string): DischargeRule | undefined {
  const o = readObject(p, value, at, [
    'observation',
    'vitalsTolerance',
    'spo2Min',
    'alertAndOriented',
    'escort',
    'effectsResolved',
    'noDriving',
  ]);
  if (o === undefined) return undefined;
  const obs = readObject(p, o.observation, `${at}.observation`, ['minimum', 'from']);
  const minimum = obs && readValue(p, obs.minimum, `${at}.observation.minimum`, 'min');
  const from =
    obs && readOneOf(p, obs.from, `${at}.observation.from`, ['administration-end', 'dosing-start'] as const);
  return whole<DischargeRule>({
    observation: minimum && from ? { minimum, from } : undefined,
    vitalsTolerance: readValue(p, o.vitalsTolerance, `${at}.vitalsTolerance`, '%'),
    spo2Min: readValue(p, o.spo2Min, `${at}.spo2Min`, '%'),
    alertAndOriented: readRequirement(p, o.alertAndOriented, `${at}.alertAndOriented`),
    escort: readRequirement(p, o.escort, `${at}.escort`),
    effectsResolved: readRequirement(p, o.effectsResolved, `${at}.effectsResolved`),
    noDriving: readNoDriving(p, o.noDriving, `${at}.noDriving`),
  });
}
