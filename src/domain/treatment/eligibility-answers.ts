// The contraindications an eligibility decision answers: each Present, Absent or Unknown, and the prescriber's
// clinical judgement where it is needed: a contraindication marked Present or Unknown needs one; Absent does not
// (journey review 2026-12 item 10: nine judgements typed for nine "Absent" answers).
import { contraindications } from './contraindications.ts';

/** How a contraindication was answered. */
export type ContraindicationStatus = 'present' | 'absent' | 'unknown';

/** One answer as sent: `present` (kept from the first request shape), the status when sent, the judgement. */
export interface ContraindicationAnswerInput {
  readonly code: string;
  readonly present: boolean;
  readonly status?: ContraindicationStatus | undefined;
  readonly judgement?: string | undefined;
}

/** Why an answer is refused, with its request path (contraindications by position). */
export interface ContraindicationAnswerProblem {
  readonly code: 'contraindication-judgement-required' | 'contraindication-status-disagrees';
  readonly path: string;
  readonly text: string;
}

/** The status an answer stands for: the one sent, else Present or Absent from `present`. */
export function statusOf(answer: ContraindicationAnswerInput): ContraindicationStatus {
  return answer.status ?? (answer.present ? 'present' : 'absent');
}

/** Whether a status needs the prescriber's free-text clinical judgement. */
export function needsJudgement(status: ContraindicationStatus): boolean {
  return status !== 'absent';
}

const labelOf = (code: string): string => contraindications.find((c) => c.code === code)?.label ?? code;

/**
 * Every answer that cannot be signed: a judgement missing on a contraindication marked Present or Unknown, or a
 * status that contradicts `present` (only Present is present; Unknown is not known to be).
 */
export function contraindicationAnswerProblems(
  answers: readonly ContraindicationAnswerInput[],
): ContraindicationAnswerProblem[] {
  const problems: ContraindicationAnswerProblem[] = [];
  answers.forEach((answer, i) => {
    const label = labelOf(answer.code);
    if (answer.status !== undefined && answer.present !== (answer.status === 'present')) {
      problems.push({
        code: 'contraindication-status-disagrees',
        path: `contraindications.${String(i)}.status`,
        text: `${label}: "present" (${String(answer.present)}) disagrees with the status "${answer.status}".`,
      });
      return;
    }
    const status = statusOf(answer);
    if (needsJudgement(status) && !answer.judgement?.trim())
      problems.push({
        code: 'contraindication-judgement-required',
        path: `contraindications.${String(i)}.judgement`,
        text: `${label} is marked ${status === 'present' ? 'Present' : 'Unknown'}: record your clinical judgement on it.`,
      });
  });
  return problems;
}
