// Deadlines for reporting a theft or loss of controlled drugs, counted from the local date of discovery.
import type { Sourced } from '../instruments/types.ts';
import { addDays, nextBusinessDay, type IsoDate } from '../core/calendar.ts';
import type { RegisterMode } from './policy.ts';
import { problem, type Outcome } from './problems.ts';
import { localDateOf } from './timing.ts';

/** One step of the report workflow. */
export interface LossReportStep extends Sourced {
  readonly code: 'dea-field-office-notice' | 'dea-form-106' | 'uk-accountable-officer';
  readonly title: string;
  /** Last day (inclusive, in the discovery's local calendar), or null when no deadline is known. */
  readonly dueBy: IsoDate | null;
  readonly note: string;
}

const DEA_SOURCE =
  '21 CFR 1301.76(b); final rule 88 FR 40707 (22 Jun 2023, effective 24 Jul 2023); clinic.md §5 [V]';

function usSteps(discovered: IsoDate): LossReportStep[] {
  return [
    {
      code: 'dea-field-office-notice',
      title: 'Written notice to the local DEA Field Division Office',
      dueBy: nextBusinessDay(discovered),
      note:
        'Within 1 business day of discovery. Weekends are skipped; public holidays are not modelled, so the ' +
        'date shown may be earlier than the legal deadline, never later. Theft is always reportable; a loss ' +
        'when it is "significant".',
      source: DEA_SOURCE,
      certainty: 'verified',
    },
    {
      code: 'dea-form-106',
      title: 'DEA Form 106, submitted electronically',
      dueBy: addDays(discovered, 45),
      note: 'Within 45 days of discovery; paper Form 106 is no longer accepted.',
      source: DEA_SOURCE,
      certainty: 'verified',
    },
  ];
}

function ukSteps(): LossReportStep[] {
  return [
    {
      code: 'uk-accountable-officer',
      title: 'Report to the CD Accountable Officer (and the police where theft is suspected)',
      dueBy: null,
      note:
        'No UK reporting deadline is given in the domain notes: follow the local SOP and set a deadline ' +
        'there. Unknown — check before relying on it.',
      source:
        'Controlled Drugs (Supervision of Management and Use) Regulations 2013; NICE NG46 1.1.2 (security.md ' +
        '§1.4). Deadline and police step: not in clinic.md.',
      certainty: 'unverified',
    },
  ];
}

/**
 * The report steps and due dates for a theft or loss discovered at `discoveredAt` (an ISO instant with
 * the clinic's local offset; days are counted in that local calendar).
 */
export function lossReportDeadlines(
  discoveredAt: string,
  mode: RegisterMode,
): Outcome<readonly LossReportStep[]> {
  const discovered = localDateOf(discoveredAt);
  if (discovered === undefined) {
    const text = 'discoveredAt must be an ISO 8601 date and time with the local offset.';
    return { ok: false, problems: [problem('invalid-time', 'discoveredAt', text)] };
  }
  return { ok: true, value: mode === 'us' ? usSteps(discovered) : ukSteps() };
}
