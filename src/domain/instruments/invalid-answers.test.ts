// Every instrument refuses an unknown item, an answer out of its range and a non-integer answer, naming the item.
import { describe } from 'vitest';
import { score as scoreCadss } from './cadss.ts';
import { score as scoreCssrs } from './cssrs-screener.ts';
import { score as scoreGad7 } from './gad-7.ts';
import { score as scoreKetamineUrinary } from './ketamine-urinary-checklist.ts';
import { score as scoreMadrs } from './madrs.ts';
import { score as scorePcl5 } from './pcl-5.ts';
import { score as scorePhq9 } from './phq-9.ts';
import { score as scoreQids } from './qids-sr16.ts';
import { score as scoreSds } from './sds.ts';
import { itRefusesEach } from './test-cases.ts';
import type { Answers, ProblemCode, ScoreOutcome } from './types.ts';

type Refusal = [Answers, ProblemCode, string];

const refusals: [string, (answers: Answers) => ScoreOutcome, Refusal[]][] = [
  [
    'PHQ-9',
    scorePhq9,
    [
      [{ '11': 0 }, 'unknown-item', 'answers.11'],
      [{ '0': 0 }, 'unknown-item', 'answers.0'],
      [{ '01': 0 }, 'unknown-item', 'answers.01'],
      [{ '1': 4 }, 'answer-out-of-range', 'answers.1'],
      [{ '1': -1 }, 'answer-out-of-range', 'answers.1'],
      [{ '10': 4 }, 'answer-out-of-range', 'answers.10'],
      [{ '2': 1.5 }, 'answer-not-integer', 'answers.2'],
      [{ '2': Number.NaN }, 'answer-not-integer', 'answers.2'],
    ],
  ],
  [
    'GAD-7',
    scoreGad7,
    [
      [{ '8': 0 }, 'unknown-item', 'answers.8'],
      [{ '7': 4 }, 'answer-out-of-range', 'answers.7'],
      [{ '7': 2.5 }, 'answer-not-integer', 'answers.7'],
    ],
  ],
  [
    'PCL-5',
    scorePcl5,
    [
      [{ '21': 0 }, 'unknown-item', 'answers.21'],
      [{ '20': 5 }, 'answer-out-of-range', 'answers.20'],
      [{ '20': -1 }, 'answer-out-of-range', 'answers.20'],
      [{ '5': 0.1 }, 'answer-not-integer', 'answers.5'],
    ],
  ],
  [
    'SDS',
    scoreSds,
    [
      [{ '6': 0 }, 'unknown-item', 'answers.6'],
      [{ '1': 4 }, 'answer-out-of-range', 'answers.1'],
      [{ '1': 1.5 }, 'answer-not-integer', 'answers.1'],
    ],
  ],
  [
    'QIDS-SR16',
    scoreQids,
    [
      [{ '17': 0 }, 'unknown-item', 'answers.17'],
      [{ '16': 4 }, 'answer-out-of-range', 'answers.16'],
      [{ '1': 2.2 }, 'answer-not-integer', 'answers.1'],
    ],
  ],
  [
    'MADRS',
    scoreMadrs,
    [
      [{ '11': 0 }, 'unknown-item', 'answers.11'],
      [{ '1': 7 }, 'answer-out-of-range', 'answers.1'],
      [{ '1': -1 }, 'answer-out-of-range', 'answers.1'],
      [{ '1': 2.5 }, 'answer-not-integer', 'answers.1'],
    ],
  ],
  [
    'CADSS',
    scoreCadss,
    [
      [{ '24': 0 }, 'unknown-item', 'answers.24'],
      [{ '1': 5 }, 'answer-out-of-range', 'answers.1'],
      [{ '1': 0.5 }, 'answer-not-integer', 'answers.1'],
    ],
  ],
  [
    'C-SSRS screener',
    scoreCssrs,
    [
      [{ '7': 0 }, 'unknown-item', 'answers.7'],
      [{ '1': 2 }, 'answer-out-of-range', 'answers.1'],
      [{ '6': 3 }, 'answer-out-of-range', 'answers.6'],
      [{ '6': 1.5 }, 'answer-not-integer', 'answers.6'],
    ],
  ],
  [
    'Ketamine urinary checklist',
    scoreKetamineUrinary,
    [
      [{ '8': 0 }, 'unknown-item', 'answers.8'],
      [{ '1': 2 }, 'answer-out-of-range', 'answers.1'],
      [{ '1': 0.5 }, 'answer-not-integer', 'answers.1'],
    ],
  ],
];

describe.each(refusals)('%s invalid answers', (_name, score, cases) => {
  itRefusesEach(score, cases);
});
