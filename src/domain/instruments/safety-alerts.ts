// Which score flags become a visible alert on the patient and a task for the responsible clinician.
import type { Flag, ScoreResult } from './types.ts';

/**
 * Flags that must reach a clinician: PHQ-9 item 9 above 0 or left unanswered, QIDS-SR16 item 12 and MADRS
 * item 10 at their suicide-item cut-offs (suicide-item-flags.ts), C-SSRS triage at moderate or high
 * (issue C2 "Safety flags"; C-SSRS triage per clinic.md §4), and visible haematuria on the urinary
 * checklist (a red flag in the harm pathway, harm.md §2.2). Other flags are shown with the score only.
 */
export const SAFETY_ALERT_CODES: readonly string[] = [
  'phq9-item9-positive',
  'phq9-item9-unanswered',
  'qids-item12-positive',
  'qids-item12-urgent',
  'madrs-item10-positive',
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

/** Every alert a scored response raises: its safety flags in order, then sentinel surveillance. */
export function responseAlerts(
  result: Pick<ScoreResult, 'flags' | 'sentinelSymptoms'>,
  instrumentTitle: string,
): SafetyAlert[] {
  const sentinel = sentinelSymptomAlert(result, instrumentTitle);
  return [...safetyAlerts(result.flags, instrumentTitle), ...(sentinel ? [sentinel] : [])];
}

export interface AlertTaskRouting {
  /** The responsible user, or null for the service's queue. */
  assignedTo: string | null;
  detail: string;
}

/**
 * Who reviews an alert: the clinician who recorded the response is responsible for it; a self-report
 * (no recording clinician) goes to the service's queue so that someone picks it up.
 */
export function alertTaskRouting(r: {
  instrumentTitle: string;
  source: 'clinician' | 'self-report';
  recordedBy: string | null;
}): AlertTaskRouting {
  return {
    assignedTo: r.source === 'self-report' ? null : r.recordedBy,
    detail: `Raised by a ${r.instrumentTitle} ${r.source === 'self-report' ? 'self-report' : 'response'}; review the patient and record what was done.`,
  };
}
