// The default protocols shipped with KASPR, validated at load, and lookup by id.
import type { Protocol, ProtocolContent } from './protocol.ts';
import { esketamineIntranasal } from './protocol-esketamine.ts';
import { ivRacemicPain } from './protocol-iv-pain.ts';
import { ivRacemicPsychiatric } from './protocol-iv-psychiatric.ts';
import { sublingualKap } from './protocol-sublingual.ts';
import { validateProtocol } from './protocol-validate.ts';

/** Ids of the default protocols. */
export type DefaultProtocolId =
  'iv-racemic-psychiatric' | 'iv-racemic-pain' | 'esketamine-intranasal' | 'sublingual-kap';

/** The default protocols as written, before validation (for showing or exporting as JSON). */
export const defaultProtocolContent: readonly ProtocolContent[] = [
  ivRacemicPsychiatric,
  ivRacemicPain,
  esketamineIntranasal,
  sublingualKap,
];

function validated(content: ProtocolContent): Protocol {
  const outcome = validateProtocol(content);
  // A shipped protocol being invalid is a programming error, not an expected result: fail loudly at load.
  if (!outcome.ok) {
    throw new Error(
      `Default protocol ${content.id} is invalid: ${outcome.problems.map((p) => `${p.path}: ${p.text}`).join('; ')}`,
    );
  }
  return outcome.value;
}

/** The default protocols, validated, keyed by id. */
export const defaultProtocols: Readonly<Record<DefaultProtocolId, Protocol>> = {
  'iv-racemic-psychiatric': validated(ivRacemicPsychiatric),
  'iv-racemic-pain': validated(ivRacemicPain),
  'esketamine-intranasal': validated(esketamineIntranasal),
  'sublingual-kap': validated(sublingualKap),
};

/** A default protocol by id, or undefined for an id KASPR does not ship. */
export function defaultProtocol(id: string): Protocol | undefined {
  return Object.entries(defaultProtocols).find(([key]) => key === id)?.[1];
}
