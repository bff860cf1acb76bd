// Which score flags become a visible alert on the patient and a task for the responsible clinician.
import type { Flag, ScoreResult } from './types.ts';

/**
 * Flags that must reach a clinician: PHQ-9 item 9 above 0 and C-SSRS triage at moderate or high
 * (issue C2 "Safety flags"; C-SSRS triage per clinic.md §4), and visible haematuria on the urinary
 * checklist (a red flag in the harm pathway, harm.md §2.2). Other flags are shown with the score only.
 */
export const SAFETY_ALERT_CODES: readonly string[] = [
  'phq9-item9-positive',
  'cssrs-moderate',
  'cssrs-high',
  'red-flag-visible-haematuria',
];

export interface SafetyAlert {
  code: string;
  severity: Flag['severity'];
  text: string;
  /** Task priority for the responsible clinician: urgent flags need same-day review. */
  taskPriority: 'urgent' | 'high';
  taskTitle: string;
}

/** The alerts a set of flags raises, one per safety flag, in the order the flags came. */
export function safetyAlerts(flags: readonly Flag[], instrumentTitle: string): SafetyAlert[] {
  return flags
    .filter((f) => SAFETY_ALERT_CODES.includes(f.code))
    .map((f) => ({
      code: f.code,
      severity: f.severity,
      text: f.text,
      taskPriority: f.severity === 'urgent' ? 'urgent' : 'high',
      taskTitle: `Review ${instrumentTitle} safety flag: ${f.text}`,
    }));
}

/**
 * Sentinel surveillance: any ketamine-related urinary symptom reported on the checklist (at a harm-service
 * review or at a treatment-clinic visit) alerts the care team so that emerging harm is assessed early
 * (harm.md §2.3, early "sentinel" versus late harm). Visible haematuria is already an urgent safety flag.
 */
export function sentinelSymptomAlert(
  result: Pick<ScoreResult, 'sentinelSymptoms'>,
  instrumentTitle: string,
): SafetyAlert | null {
  const found = (result.sentinelSymptoms ?? []).filter((code) => code !== 'visible-haematuria');
  if (found.length === 0) return null;
  const text = `Sentinel urinary symptom(s) reported: ${found.join(', ')}. Consider a harm assessment.`;
  return {
    code: 'sentinel-symptom-reported',
    severity: 'warning',
    text,
    taskPriority: 'high',
    taskTitle: `Review ${instrumentTitle}: ${text}`,
  };
}
