// Every instrument refuses an unknown item, an answer out of its range and a non-integer answer, naming the item.
import { expect, it } from 'vitest';
import { score as scoreCadss } from './cadss.ts';
import { score as scoreCssrs } from './cssrs-screener.ts';
import { score as scoreGad7 } from './gad-7.ts';
import { score as scoreKetamineUrinary } from './ketamine-urinary-checklist.ts';
import { score as scoreMadrs } from './madrs.ts';
import { score as scorePcl5 } from './pcl-5.ts';
import { score as scorePhq9 } from './phq-9.ts';
import { score as scoreQids } from './qids-sr16.ts';
import { score as scoreSds } from './sds.ts';
import type { Answers, ProblemCode, ScoreOutcome } from './types.ts';

/** Each case: the instrument, its scorer, and answers it refuses with exactly one problem, of `code` at `path`. */
it.each<[string, (answers: Answers) => ScoreOutcome, Answers, ProblemCode, string]>([
  ['PHQ-9', scorePhq9, { '11': 0 }, 'unknown-item', 'answers.11'],
  ['PHQ-9', scorePhq9, { '0': 0 }, 'unknown-item', 'answers.0'],
  ['PHQ-9', scorePhq9, { '01': 0 }, 'unknown-item', 'answers.01'],
  ['PHQ-9', scorePhq9, { '1': 4 }, 'answer-out-of-range', 'answers.1'],
  ['PHQ-9', scorePhq9, { '1': -1 }, 'answer-out-of-range', 'answers.1'],
  ['PHQ-9', scorePhq9, { '10': 4 }, 'answer-out-of-range', 'answers.10'],
  ['PHQ-9', scorePhq9, { '2': 1.5 }, 'answer-not-integer', 'answers.2'],
  ['PHQ-9', scorePhq9, { '2': Number.NaN }, 'answer-not-integer', 'answers.2'],
  ['GAD-7', scoreGad7, { '8': 0 }, 'unknown-item', 'answers.8'],
  ['GAD-7', scoreGad7, { '7': 4 }, 'answer-out-of-range', 'answers.7'],
  ['GAD-7', scoreGad7, { '7': 2.5 }, 'answer-not-integer', 'answers.7'],
  ['PCL-5', scorePcl5, { '21': 0 }, 'unknown-item', 'answers.21'],
  ['PCL-5', scorePcl5, { '20': 5 }, 'answer-out-of-range', 'answers.20'],
  ['PCL-5', scorePcl5, { '20': -1 }, 'answer-out-of-range', 'answers.20'],
  ['PCL-5', scorePcl5, { '5': 0.1 }, 'answer-not-integer', 'answers.5'],
  ['SDS', scoreSds, { '6': 0 }, 'unknown-item', 'answers.6'],
  ['SDS', scoreSds, { '1': 4 }, 'answer-out-of-range', 'answers.1'],
  ['SDS', scoreSds, { '1': 1.5 }, 'answer-not-integer', 'answers.1'],
  ['QIDS-SR16', scoreQids, { '17': 0 }, 'unknown-item', 'answers.17'],
  ['QIDS-SR16', scoreQids, { '16': 4 }, 'answer-out-of-range', 'answers.16'],
  ['QIDS-SR16', scoreQids, { '1': 2.2 }, 'answer-not-integer', 'answers.1'],
  ['MADRS', scoreMadrs, { '11': 0 }, 'unknown-item', 'answers.11'],
  ['MADRS', scoreMadrs, { '1': 7 }, 'answer-out-of-range', 'answers.1'],
  ['MADRS', scoreMadrs, { '1': -1 }, 'answer-out-of-range', 'answers.1'],
  ['MADRS', scoreMadrs, { '1': 2.5 }, 'answer-not-integer', 'answers.1'],
  ['CADSS', scoreCadss, { '24': 0 }, 'unknown-item', 'answers.24'],
  ['CADSS', scoreCadss, { '1': 5 }, 'answer-out-of-range', 'answers.1'],
  ['CADSS', scoreCadss, { '1': 0.5 }, 'answer-not-integer', 'answers.1'],
  ['C-SSRS screener', scoreCssrs, { '7': 0 }, 'unknown-item', 'answers.7'],
  ['C-SSRS screener', scoreCssrs, { '1': 2 }, 'answer-out-of-range', 'answers.1'],
  ['C-SSRS screener', scoreCssrs, { '6': 3 }, 'answer-out-of-range', 'answers.6'],
  ['C-SSRS screener', scoreCssrs, { '6': 1.5 }, 'answer-not-integer', 'answers.6'],
  ['Ketamine urinary checklist', scoreKetamineUrinary, { '8': 0 }, 'unknown-item', 'answers.8'],
  ['Ketamine urinary checklist', scoreKetamineUrinary, { '1': 2 }, 'answer-out-of-range', 'answers.1'],
  ['Ketamine urinary checklist', scoreKetamineUrinary, { '1': 0.5 }, 'answer-not-integer', 'answers.1'],
])('%s: %j → %s at %s', (_instrument, score, answers, code, path) => {
  const outcome = score(answers);
  expect(outcome.ok).toBe(false);
  if (!outcome.ok) expect(outcome.problems).toEqual([expect.objectContaining({ code, path })]);
});
