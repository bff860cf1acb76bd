// What an eligibility decision flags: the patient's medications against the interaction list, and the
// contraindications marked present with the recorded pregnancy status's flag first (clinic.md §7.1).
import { contraindicationCheck, type ContraindicationCheck } from './contraindications.ts';
import { interactionScreen, type InteractionFlag } from './interactions.ts';
import type { Route } from './protocol-types.ts';
import { pregnancyFlags, type PregnancyStatus } from './pregnancy.ts';

/** The flags an eligibility decision stores and shows. */
export interface EligibilityFlags {
  readonly interactions: readonly InteractionFlag[];
  /** Always false: the name matcher is not exhaustive, so no one reads "no flag" as "no interaction". */
  readonly interactionsExhaustive: boolean;
  readonly interactionsLimitation: string;
  readonly contraindications: ContraindicationCheck;
}

/** Flags for a decision on `route` from the medication names, the contraindications present and pregnancy. */
export function eligibilityFlags(
  medications: readonly string[],
  presentContraindications: readonly string[],
  route: Route,
  pregnancyStatus: PregnancyStatus,
): EligibilityFlags {
  const screen = interactionScreen(medications);
  const check = contraindicationCheck(presentContraindications, route);
  return {
    interactions: screen.flags,
    interactionsExhaustive: screen.exhaustive,
    interactionsLimitation: screen.limitation,
    contraindications: { ...check, flags: [...pregnancyFlags(pregnancyStatus, route), ...check.flags] },
  };
}
