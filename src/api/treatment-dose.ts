// Dose calculation at the edge: chart weight or a weight measured today, domain refusals as named 422s.
import {
  calculateDose,
  defaultProtocol,
  kilograms,
  mgPerKg,
  mgPerMl,
  milligrams,
  millilitres,
  minutes,
  type DoseResult,
  type Protocol,
} from '../domain/treatment/index.ts';
import { problem, ruleRefusal } from './problem.ts';

export interface DoseInput {
  mgPerKg?: number | undefined;
  doseMg?: number | undefined;
  durationMin?: number | undefined;
  concentrationMgPerMl?: number | undefined;
  bagVolumeMl?: number | undefined;
  prescriberReason?: string | undefined;
}

/** The shipped protocol with this id, or a 404 problem. */
export function protocolOr404(id: string): Protocol {
  const protocol = defaultProtocol(id);
  if (!protocol) throw problem('not-found', `No protocol "${id}".`);
  return protocol;
}

/** Calculates a dose or throws the domain's first refusal as `422 <code>` with every problem listed. */
export function doseOrRefuse(
  protocol: Protocol,
  weight: { kg: number; measuredOn: string } | null,
  today: string,
  input: DoseInput,
  firstSession?: boolean,
): DoseResult {
  const outcome = calculateDose({
    protocol,
    weight: weight ? { kg: kilograms(weight.kg), measuredOn: weight.measuredOn } : null,
    today,
    ...(input.mgPerKg !== undefined ? { mgPerKg: mgPerKg(input.mgPerKg) } : {}),
    ...(input.doseMg !== undefined ? { doseMg: milligrams(input.doseMg) } : {}),
    ...(input.durationMin !== undefined ? { durationMin: minutes(input.durationMin) } : {}),
    ...(input.concentrationMgPerMl !== undefined
      ? { concentrationMgPerMl: mgPerMl(input.concentrationMgPerMl) }
      : {}),
    ...(input.bagVolumeMl !== undefined ? { bagVolumeMl: millilitres(input.bagVolumeMl) } : {}),
    ...(input.prescriberReason ? { prescriberReason: input.prescriberReason } : {}),
    ...(firstSession !== undefined ? { firstSession } : {}),
  });
  if (!outcome.ok) {
    const first = outcome.problems[0];
    throw ruleRefusal(
      'out-of-bounds',
      first?.code ?? 'dose-not-allowed',
      outcome.problems.map((p) => p.text).join(' '),
      { problems: outcome.problems },
      outcome.problems.map((p) => ({ path: `body.${p.path}`, message: p.text })),
    );
  }
  return outcome.value;
}
