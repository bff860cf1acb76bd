// The instruments KASPR ships, looked up by id, with scoring and response assessment by id.
import { cadss } from './cadss.ts';
import { cssrsScreener } from './cssrs-screener.ts';
import { scoreAnswers } from './engine.ts';
import { gad7 } from './gad-7.ts';
import { ketamineUrinaryChecklist } from './ketamine-urinary-checklist.ts';
import { madrs } from './madrs.ts';
import { pcl5 } from './pcl-5.ts';
import { phq9 } from './phq-9.ts';
import { qidsSr16 } from './qids-sr16.ts';
import { sds } from './sds.ts';
import type { Answers, InstrumentDefinition, InstrumentId, ScoreOutcome } from './types.ts';

export { assessResponse } from './response.ts';
export type { ResponseAssessment } from './response.ts';

/** Every shipped instrument definition by its id, in a stable order; the type makes it cover every id. */
const shipped: Readonly<Record<InstrumentId, InstrumentDefinition>> = {
  'phq-9': phq9,
  'gad-7': gad7,
  'pcl-5': pcl5,
  sds,
  'qids-sr16': qidsSr16,
  madrs,
  cadss,
  'cssrs-screener': cssrsScreener,
  'ketamine-urinary-checklist': ketamineUrinaryChecklist,
};

/** Every shipped instrument definition, in a stable order. */
export const instruments: readonly InstrumentDefinition[] = Object.values(shipped);

/** Ids of the shipped instruments, in the same order. */
export const instrumentIds: readonly InstrumentId[] = Object.keys(shipped) as InstrumentId[];

/** True when `id` names a shipped instrument. */
export function isInstrumentId(id: string): id is InstrumentId {
  return (instrumentIds as readonly string[]).includes(id);
}

/** The shipped definition with this id, or undefined. */
export function getInstrument(id: string): InstrumentDefinition | undefined {
  return instruments.find((def) => def.id === id);
}

/** Scores answers with the shipped instrument `id`; an unknown id is a problem, not an exception. */
export function scoreInstrument(id: string, answers: Answers): ScoreOutcome {
  const def = getInstrument(id);
  if (def === undefined) {
    return {
      ok: false,
      problems: [{ code: 'unknown-instrument', path: 'instrumentId', text: `No instrument "${id}".` }],
    };
  }
  return scoreAnswers(def, answers);
}
