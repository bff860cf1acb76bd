// The default pack's red-flag rules: each proposes level 4 (urgent) and names its red flag.
import type { HarmRule } from './pack-types.ts';

const URGENT_IS_SYNTHESIS = "Level 4 (urgent) is the pack's synthesis [SYN].";

/** Red flags → level 4: visible haematuria, urinary retention, loin pain with fever, jaundice, suicidal ideation, psychosis, eGFR < 60. */
export const urgentRules: readonly HarmRule[] = [
  {
    id: 'red-flag-visible-haematuria',
    level: 4,
    when: { kind: 'symptom-present', codes: ['visible-haematuria'] },
    text: 'Visible haematuria reported: a red flag. Exclude UTI and stones and refer under the local haematuria pathway.',
    source: `harm.md §2.2 BNSSG ICB "Ketamine Bladder – Draft" red flags: unexplained visible haematuria in adults [V, draft page]. ${URGENT_IS_SYNTHESIS}`,
    certainty: 'verified',
    interventions: ['urology-referral'],
    redFlag: 'visible-haematuria',
  },
  {
    id: 'red-flag-urinary-retention',
    level: 4,
    when: { kind: 'symptom-present', codes: ['urinary-retention'] },
    text: 'Urinary retention reported: a suspected complication of ketamine uropathy.',
    source: `harm.md §2.2 BNSSG draft: refer to urology if complications are suspected, e.g. hydronephrosis or retention [V, draft page]; §5.3. ${URGENT_IS_SYNTHESIS}`,
    certainty: 'verified',
    interventions: ['urology-referral'],
    redFlag: 'urinary-retention',
  },
  {
    id: 'red-flag-loin-pain-with-fever',
    level: 4,
    when: {
      kind: 'all-of',
      conditions: [
        { kind: 'symptom-present', codes: ['loin-pain'] },
        { kind: 'symptom-present', codes: ['fever'] },
      ],
    },
    text: 'Loin (flank) pain with fever: possible kidney infection with a risk of sepsis. Same-day medical assessment.',
    source: `harm.md §3.3 coroner's Prevention of Future Deaths report: death from sepsis from a kidney infection complicating long-term ketamine use [S]; §2.3 ladder: sepsis from kidney infection as late/severe harm [SYN]; §2.2 flank pain (BNSSG) [V] and about 90 % presenting via the emergency department with nephritis or systemic illness (Royal Devon nurse) [S]. ${URGENT_IS_SYNTHESIS}`,
    certainty: 'secondary',
    interventions: ['urology-referral', 'renal-tests'],
    redFlag: 'loin-pain-with-fever',
  },
  {
    id: 'red-flag-jaundice',
    level: 4,
    when: { kind: 'symptom-present', codes: ['jaundice'] },
    text: 'Jaundice reported: possible ketamine cholangiopathy or biliary stricture.',
    source: `harm.md §2.4 ketamine cholangiopathy with deranged LFTs, bile-duct dilatation and strictures (Yu 2014 [V]; case reports [V]). harm.md does not name jaundice itself: treating it as a red flag is the pack's synthesis [SYN]. ${URGENT_IS_SYNTHESIS}`,
    certainty: 'synthesis',
    interventions: ['hepatology-referral'],
    redFlag: 'jaundice',
  },
  {
    id: 'red-flag-suicidal-ideation',
    level: 4,
    when: { kind: 'symptom-present', codes: ['suicidal-ideation'] },
    text: 'Suicidal ideation reported: urgent risk assessment and mental-health referral.',
    source: `harm.md §2.6 suicidal feelings with ketamine use (Surrey Drug & Alcohol page [S]); GMMH case with suicidal thoughts (BJPsych Open 2024 [V]); no UK prevalence figure [U]. ${URGENT_IS_SYNTHESIS}`,
    certainty: 'secondary',
    interventions: ['mental-health-referral'],
    redFlag: 'suicidal-ideation',
  },
  {
    id: 'red-flag-psychotic-symptoms',
    level: 4,
    when: { kind: 'symptom-present', codes: ['psychotic-symptoms'] },
    text: 'Psychotic symptoms reported: urgent medical and mental-health assessment.',
    source: `harm.md §2.6 ICD-11 6C4D.5 dissociative drug-induced psychotic disorder [V]; §2.5 delusional symptoms dose-related (Morgan 2010) [V]; §2.8 psychosis in severe acute toxicity (ACMD 2026 via Pharmaceutical Journal) [S]. ${URGENT_IS_SYNTHESIS}`,
    certainty: 'verified',
    interventions: ['mental-health-referral'],
    redFlag: 'psychotic-symptoms',
  },
  {
    id: 'red-flag-egfr-below-60',
    level: 4,
    // Strictly below 60: an eGFR of exactly 60 does not trigger.
    when: { kind: 'lab-below', lab: 'egfr', value: 60 },
    text: 'eGFR below 60 mL/min/1.73 m²: possible renal impairment from upper-tract involvement.',
    source: `Pack synthesis [SYN] from harm.md §2.1 (renal decline in ketamine uropathy, hydronephrosis group with lower eGFR, IJERPH 2020 [V]) and §2.3 (falling eGFR as late/severe harm [SYN]). The threshold 60 is NOT in harm.md (it is the conventional CKD G3 boundary): verify locally. ${URGENT_IS_SYNTHESIS}`,
    certainty: 'synthesis',
    interventions: ['urology-referral'],
    redFlag: 'egfr-below-60',
  },
];
