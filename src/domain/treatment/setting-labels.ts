// Plain names for a protocol's service settings (protocol-settings.ts), for the people who set them: the settings
// are found by their dotted path in the protocol, and each is named here from the protocol type's own description
// (protocol.ts, protocol-types.ts). A path not named here reads as its words, never as code.

const LABELS: Readonly<Record<string, string>> = {
  'dose.usualMin': 'Usual dose, lowest',
  'dose.usualMax': 'Usual dose, highest (above it a reason is needed)',
  'dose.hardMax': 'Maximum dose (refused above it)',
  'dose.step': 'Dose step (doses are whole multiples of the tablet strength)',
  'dose.mgPerKgWarnAbove': 'Dose per kg of body weight that warns above it',
  'dose.rateReasonAbove': 'Infusion rate above which a prescriber’s reason is needed',
  'dose.rateHardMax': 'Maximum infusion rate (refused above it)',
  'alerts.systolic': 'Alert: systolic blood pressure at or above',
  'alerts.diastolic': 'Alert: diastolic blood pressure at or above',
  'alerts.heartRate': 'Alert: heart rate at or above',
  'alerts.systolicLow': 'Alert: systolic blood pressure below (hypotension)',
  'alerts.heartRateLow': 'Alert: heart rate below',
  'alerts.spo2': 'Alert: oxygen saturation below',
  'alerts.respiratoryRate': 'Alert: respiratory rate below',
  'alerts.systolicRise': 'Alert: systolic rise from baseline of at least',
  'alerts.diastolicRise': 'Alert: diastolic rise from baseline of at least',
  'weight.maxAge': 'Weight used for dosing, oldest measurement accepted',
  'weight.plausibleMin': 'Weight used for dosing, lowest plausible',
  'weight.plausibleMax': 'Weight used for dosing, highest plausible',
  'preDose.systolicAbove': 'Pre-dose systolic blood pressure needing a prescriber’s acknowledgement, above',
  'preDose.diastolicAbove': 'Pre-dose diastolic blood pressure needing a prescriber’s acknowledgement, above',
  'preDose.baselineMaxAge': 'Pre-dose baseline vital signs, oldest accepted',
  'preDose.systolicCeiling': 'Pre-dose systolic blood pressure that blocks the session, at or above',
  'preDose.diastolicCeiling': 'Pre-dose diastolic blood pressure that blocks the session, at or above',
  'preDose.minIntervalHours': 'Minimum time since the last dosing session started',
  'preDose.minIntervalRefuses': 'Refuse a session inside the minimum interval (otherwise only warn)',
  'preparation.fasting': 'Fasting before dosing required',
  'staffing.aclsClinician': 'ACLS-credentialed clinician present required',
  'staffing.prescriberOnSite': 'Prescriber on site required',
  'discharge.vitalsTolerance': 'Discharge: blood pressure and heart rate within this of baseline',
  'discharge.spo2Min': 'Discharge: oxygen saturation at least',
  'discharge.observation.minimum': 'Discharge: minimum observation time',
  'discharge.effectsResolved': 'Discharge: sedation, dissociation and breathing effects resolved required',
  'monitoring.vitalsAfterEvery': 'Vital signs after administration, every',
  'monitoring.pulseOximetry': 'Pulse oximetry required',
};

/** "preDose.systolicAbove" → "Pre dose: systolic above" (for a setting not named in LABELS). */
function wordsOf(path: string): string {
  const words = path
    .split('.')
    .map((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase())
    .join(': ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The plain name of a setting, by its dotted path in the protocol. */
export function settingLabel(path: string): string {
  return LABELS[path] ?? wordsOf(path);
}
