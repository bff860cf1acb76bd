// Calibration vignette shapes the web client reads: the server's reply types and the domain's measure types.
export type { LevelNumber } from '../../../src/domain/harm/index.ts';
export type {
  CohenKappa,
  Computed,
  FleissKappa,
  MeasureDefinition,
  Proportion,
} from '../../../src/domain/outcomes/index.ts';
export type {
  CalibrationReportView,
  PractitionerRow,
  VignetteAgreementRow,
  VignetteView,
} from '../../../src/schemas/replies/calibration.ts';
