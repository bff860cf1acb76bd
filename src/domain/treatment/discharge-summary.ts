// The discharge summary a session keeps (and shows again, and prints): dose, administration times, when driving
// may resume, what to do if unwell, and the facts of the record.
import { dischargeAdvice } from '../consent/documents.ts';
import type { DischargeResult } from './discharge.ts';
import { dischargeSummaryFacts, type DischargeRecord } from './discharge-events.ts';

/** The stored summary (JSON-ready) of a discharge that `dischargeCheck` allowed. */
export function dischargeSummary(
  record: DischargeRecord,
  result: Pick<DischargeResult, 'noDrivingUntil' | 'noDrivingRule' | 'bpCheckpoints'>,
  session: { protocolRef: string; dose: Readonly<Record<string, unknown>>; prescriber: string | null },
) {
  return {
    protocol: session.protocolRef,
    dose: session.dose,
    administrationStartedAt: record.dosedAt.toISOString(),
    // Only a route that is not infused may have no stop: dosing (the first device, the lozenge) is its end.
    administrationEndedAt: (record.administrationEndedAt ?? record.dosedAt).toISOString(),
    noDrivingUntil: result.noDrivingUntil.toISOString(),
    noDrivingRule: result.noDrivingRule,
    ifUnwell: dischargeAdvice.text,
    ...dischargeSummaryFacts(record, result.bpCheckpoints),
    prescriber: session.prescriber,
  };
}

export type DischargeSummary = ReturnType<typeof dischargeSummary>;
