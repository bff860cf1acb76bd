// PCL-5 PTSD checklist: definition (text shipped, National Center for PTSD) and scoring with the DSM-5 cluster rule.
import { scoreAnswers } from './engine.ts';
import { labelledScale } from './item-helpers.ts';
import type { Answers, Cutoff, InstrumentDefinition, ScoreOutcome } from './types.ts';

const SCALE = labelledScale(['Not at all', 'A little bit', 'Moderately', 'Quite a bit', 'Extremely']);
const SOURCE =
  'clinic.md §4 PCL-5 [V https://comorbidityguidelines.org.au/…/pcl5-scoring-and-interpretation]';

// Standard published wording (Weathers et al. 2013, National Center for PTSD), stem "In the past month, how much
// were you bothered by:". Clusters per clinic.md §4: B items 1–5, C 6–7, D 8–14, E 15–20.
const WORDING: readonly string[] = [
  'Repeated, disturbing, and unwanted memories of the stressful experience?',
  'Repeated, disturbing dreams of the stressful experience?',
  'Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?',
  'Feeling very upset when something reminded you of the stressful experience?',
  'Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?',
  'Avoiding memories, thoughts, or feelings related to the stressful experience?',
  'Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?',
  'Trouble remembering important parts of the stressful experience?',
  'Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?',
  'Blaming yourself or someone else for the stressful experience or what happened after it?',
  'Having strong negative feelings such as fear, horror, anger, guilt, or shame?',
  'Loss of interest in activities that you used to enjoy?',
  'Feeling distant or cut off from other people?',
  'Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?',
  'Irritable behavior, angry outbursts, or acting aggressively?',
  'Taking too many risks or doing things that could cause you harm?',
  'Being "superalert" or watchful or on guard?',
  'Feeling jumpy or easily startled?',
  'Having difficulty concentrating?',
  'Trouble falling or staying asleep?',
];

function clusterOf(itemNumber: number): string {
  if (itemNumber <= 5) return 'B';
  if (itemNumber <= 7) return 'C';
  if (itemNumber <= 14) return 'D';
  return 'E';
}

/** Provisional PTSD cut-point: the lower bound of the published 31–33 range (clinic.md §4), made visible. */
export const provisionalCutoff: Cutoff = {
  value: 31,
  comparator: '>=',
  source: `${SOURCE}: "Provisional PTSD at a cut-point of 31–33"; lower bound chosen (more sensitive)`,
  certainty: 'verified',
  note: 'Range 31–33 in general samples; psychiatric outpatient studies suggest ≈45. A screen, not a diagnosis.',
};

export const pcl5: InstrumentDefinition = {
  id: 'pcl-5',
  version: '1.0.0',
  title: 'PTSD Checklist for DSM-5',
  shortTitle: 'PCL-5',
  recallPeriod: 'Past month',
  items: WORDING.map((text, i) => ({
    number: String(i + 1),
    code: `pcl5-${String(i + 1)}`,
    label: `Item ${String(i + 1)}`,
    text,
    options: SCALE,
    scored: true,
    cluster: clusterOf(i + 1),
  })),
  scoring: {
    kind: 'sum',
    description:
      'Sum of items 1–20 (each 0–4), 0–80. Cluster severities B (1–5), C (6–7), D (8–14), E (15–20).',
  },
  totalRange: { min: 0, max: 80, source: `${SOURCE}: "Sum 0–80"`, certainty: 'verified' },
  // "No empirically derived severity bands" (clinic.md §4), so none are claimed.
  bands: [],
  bandsSource: null,
  clusterRule: {
    endorsedAtLeast: 2,
    minimumEndorsed: { B: 1, C: 1, D: 2, E: 2 },
    source: `${SOURCE}: "an item ≥2 counts as endorsed; need ≥1 B, ≥1 C, ≥2 D and ≥2 E"`,
    certainty: 'verified',
  },
  provisionalCutoff,
  flagRules: [
    {
      kind: 'total-at-least',
      atLeast: provisionalCutoff.value,
      code: 'probable-ptsd',
      severity: 'warning',
      text: `PCL-5 total at or above the provisional cut-point (${String(provisionalCutoff.value)}): probable PTSD; confirm with a clinical assessment.`,
      source: provisionalCutoff.source,
      certainty: provisionalCutoff.certainty,
    },
    {
      kind: 'cluster-rule-met',
      code: 'pcl5-dsm5-cluster-rule-met',
      severity: 'warning',
      text: 'PCL-5 answers meet the DSM-5 symptom-cluster rule (≥1 B, ≥1 C, ≥2 D, ≥2 E items rated 2 or more): provisional PTSD; confirm with a clinical assessment.',
      source: `${SOURCE}: DSM-5 rule`,
      certainty: 'verified',
    },
  ],
  // clinic.md §4 gives no PCL-5-specific response or remission rule; the general ≥50% definition is applied as
  // convention. Its own change thresholds: 5–10 points reliable, 10–20 clinically meaningful [V onlinemedicaltools].
  response: {
    minDropFraction: 0.5,
    source:
      'clinic.md §4 "General definitions": response is a ≥50% reduction from baseline (not PCL-5-specific)',
    certainty: 'convention',
  },
  remission: null,
  citation:
    'Weathers FW, Litz BT, Keane TM, Palmieri PA, Marx BP, Schnurr PP. The PTSD Checklist for DSM-5 (PCL-5). National Center for PTSD, 2013.',
  licence: {
    textShipped: true,
    textLicensed: true,
    holder: 'National Center for PTSD (US Department of Veterans Affairs)',
    note: 'Generally treated as public domain, but this is unverified: confirm on ptsd.va.gov before release (clinic.md §4 and §8).',
    source: 'clinic.md §4 PCL-5 licence column [U — verify on ptsd.va.gov]',
    certainty: 'unverified',
  },
  loinc: { panel: '101697-1', total: '101698-9', source: 'clinic.md §4 PCL-5 [V]', certainty: 'verified' },
  validated: true,
};

/** Scores PCL-5 answers (items "1".."20", each 0–4), with cluster subscores and the DSM-5 rule. */
export function score(answers: Answers): ScoreOutcome {
  return scoreAnswers(pcl5, answers);
}
