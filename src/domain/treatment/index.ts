// The treatment pathway's public API: protocols as data, dose calculation, session gates, alerts and discharge.
export type {
  Basis,
  Certainty,
  Outcome,
  Sourced,
  TreatmentProblem,
  TreatmentProblemCode,
} from './problems.ts';
export * from './units.ts';
export type {
  AlertSeverity,
  AlertThreshold,
  AlertThresholds,
  Comparator,
  CoursePhase,
  CourseSchedule,
  DoseRule,
  DurationRule,
  FixedDeviceDose,
  MgRangeDose,
  MonitoringRule,
  ProtocolValue,
  Requirement,
  Route,
  SessionSetting,
  ValueUnit,
  WeightBasedDose,
} from './protocol-types.ts';
export { parenteralRoutes, routes, sessionSettings } from './protocol-types.ts';
export type {
  DischargeRule,
  NoDrivingRule,
  ObservationRule,
  PreDoseRule,
  PreparationRule,
  Protocol,
  ProtocolContent,
  SessionSettingRule,
  StaffingRule,
  WeightRule,
} from './protocol.ts';
export { protocolRef } from './protocol.ts';
export { validateProtocol } from './protocol-validate.ts';
export {
  defaultProtocol,
  defaultProtocolContent,
  defaultProtocols,
  type DefaultProtocolId,
} from './protocols.ts';
export { calculateDose } from './dose.ts';
export type { DoseRequest, DoseResult, DoseWarning, DoseWarningCode, WeightReading } from './dose-types.ts';
export { roundingStatement } from './rounding.ts';
export { sessionPreChecks } from './session-gates.ts';
export type { GateBlock, GateCode, SessionPreCheck, SessionPreCheckInput } from './session-gates.ts';
export { vitalAlerts } from './vitals.ts';
export type { VitalAlert, VitalAlertCode, VitalSigns } from './vitals.ts';
export { dischargeCheck } from './discharge.ts';
export type { DischargeCode, DischargeInput, DischargeResult, DischargeUnmet } from './discharge.ts';
export * from './interactions.ts';
export { drugDictionary } from './interactions-dictionary.ts';
export type { DrugIngredient } from './interactions-dictionary.ts';
export { esketamineLabelled, indicationCheck, indications } from './indications.ts';
export type { Indication, IndicationCheck, IndicationCode, IndicationFlagCode } from './indications.ts';
export { contraindicationCheck, contraindications } from './contraindications.ts';
export { pregnancyCautions, pregnancyFlags } from './pregnancy.ts';
export type { PregnancyCaution, PregnancyGateCode, PregnancyStatus } from './pregnancy.ts';
export type {
  Contraindication,
  ContraindicationCheck,
  ContraindicationFlag,
  ContraindicationSeverity,
} from './contraindications.ts';
export { REMS_FORM_VERSION, remsRecordProblems, remsSubmissionDue, remsSubmissionStatus } from './rems.ts';
export type { FormBloodPressure, RemsMonitoringRecord } from './rems.ts';
