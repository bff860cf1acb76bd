// Pregnancy at eligibility and at session start: recorded status becomes a flag, never silence (clinic.md §7.1).
import type { ContraindicationFlag } from './contraindications.ts';
import type { Route } from './protocol-types.ts';

/** The pregnancy status recorded on the eligibility checklist. */
export type PregnancyStatus = 'not-applicable' | 'not-pregnant' | 'pregnant' | 'unknown';

/** Why a session start carries a pregnancy caution. */
export type PregnancyGateCode = 'pregnancy-recorded' | 'pregnancy-status-unknown';

/** A caution shown when a session starts; it does not block (the prescriber reviewed it at eligibility). */
export interface PregnancyCaution {
  readonly code: PregnancyGateCode;
  readonly text: string;
  readonly source: string;
}

/**
 * clinic.md §7.1 lists pregnancy in the screening record but gives no rule; "not recommended in pregnancy" is
 * the reviewer's note to check against the current Spravato PI and ketamine label, so it is unverified.
 */
export const PREGNANCY_SOURCE =
  'clinic.md §7.1: pregnancy is part of the eligibility and screening record. That esketamine (Spravato) and ketamine are not recommended in pregnancy is not in clinic.md: clinical-safety review 2026-12 §6 item 15 ("check the current PI") [U].';

/**
 * The eligibility flag for a recorded pregnancy status: pregnant → contraindicated (a prescriber's documented
 * review before treating, every route); unknown → caution (confirm before dosing); otherwise none.
 */
export function pregnancyFlags(status: PregnancyStatus, route: Route): readonly ContraindicationFlag[] {
  const esketamine =
    route === 'intranasal-esketamine' ? 'Spravato (esketamine) is not recommended in pregnancy. ' : '';
  if (status === 'pregnant') {
    return [
      {
        code: 'pregnancy',
        label: `Pregnancy recorded. ${esketamine}Ketamine is not recommended in pregnancy: treat only after a prescriber's documented review.`,
        severity: 'contraindicated',
        source: PREGNANCY_SOURCE,
        certainty: 'unverified',
      },
    ];
  }
  if (status === 'unknown') {
    return [
      {
        code: 'pregnancy-status-unknown',
        label: `Pregnancy status unknown. ${esketamine}Confirm it before the first dose.`,
        severity: 'caution',
        source: PREGNANCY_SOURCE,
        certainty: 'unverified',
      },
    ];
  }
  return [];
}

/** The caution at session start from the latest eligibility's pregnancy status (none when not recorded). */
export function pregnancyCautions(status: PregnancyStatus | undefined): readonly PregnancyCaution[] {
  if (status === 'pregnant') {
    return [
      {
        code: 'pregnancy-recorded',
        text: 'Pregnancy was recorded at eligibility: confirm the current status and the prescriber’s review before dosing.',
        source: PREGNANCY_SOURCE,
      },
    ];
  }
  if (status === 'unknown') {
    return [
      {
        code: 'pregnancy-status-unknown',
        text: 'Pregnancy status was unknown at eligibility: confirm it before dosing.',
        source: PREGNANCY_SOURCE,
      },
    ];
  }
  return [];
}

/** Reads a stored pregnancy status (from an eligibility checklist's JSON); anything else is undefined. */
export function asPregnancyStatus(value: unknown): PregnancyStatus | undefined {
  const statuses: readonly PregnancyStatus[] = ['not-applicable', 'not-pregnant', 'pregnant', 'unknown'];
  return statuses.find((s) => s === value);
}
