// The default pack's level-2 rules: sentinel symptoms, regular or risky patterns of use, and risk behaviours.
import { depressantSubstances, type RiskCode } from './codes.ts';
import type { HarmRule } from './pack-types.ts';

const LEVEL_IS_SYNTHESIS = "Level 2 is the pack's synthesis [SYN].";

function riskRule(
  id: string,
  code: RiskCode,
  text: string,
  evidence: string,
  extra: Partial<HarmRule> = {},
): HarmRule {
  return {
    id,
    level: 2,
    when: { kind: 'risk-present', codes: [code] },
    text,
    source: `${evidence} ${LEVEL_IS_SYNTHESIS}`,
    certainty: 'secondary',
    ...extra,
  };
}

/** Sentinel symptoms by domain (harm.md §2.3 ladder), each with its own evidence. */
const sentinelRules: readonly HarmRule[] = [
  {
    id: 'sentinel-urinary-symptom',
    level: 2,
    when: {
      kind: 'symptom-present',
      codes: ['urinary-frequency', 'urinary-urgency', 'dysuria', 'suprapubic-pain', 'incontinence'],
    },
    text: 'Urinary sentinel symptom reported: an early sign of ketamine uropathy, which often improves on stopping.',
    // Loin (flank) pain is not here: it suggests upper-tract disease and has its own level-3 rule (loin-pain).
    source: `harm.md §2.1 (Chan 2022: frequency 77.1 %, urgency 69.9 %, suprapubic pain 60.4 % [V]; Winstock 2012: 51 % improved on cessation [V]; Hong 2018 LUTS list [V]); §2.2 BNSSG clinical features incl. incontinence [V]; §2.3 early signs [S] and ladder [SYN]. ${LEVEL_IS_SYNTHESIS}`,
    certainty: 'verified',
  },
  {
    id: 'sentinel-abdominal-pain',
    level: 2,
    when: { kind: 'symptom-present', codes: ['abdominal-pain'] },
    text: 'Abdominal pain reported: possible ketamine-related biliary or gut harm; check liver function.',
    source: `harm.md §2.4 (epigastric pain with cholangiopathy, Yu 2014 [V]; chronic abdominal pain, ACMD 2026 [S]; "K-cramps" has no clinical definition [U]); §2.3 ladder: episodic abdominal pain as early [SYN]. ${LEVEL_IS_SYNTHESIS}`,
    certainty: 'verified',
  },
  {
    id: 'sentinel-cognitive-symptom',
    level: 2,
    when: { kind: 'symptom-present', codes: ['memory-problems', 'dissociation-between-use'] },
    text: 'Memory problems or dissociation between episodes of use reported.',
    source: `harm.md §2.5 (working and episodic memory, Morgan & Curran 2012 [V]; more dissociative symptoms in frequent users, Morgan 2010 [V]; Curran & Monaghan 2001 [V]); §2.3 ladder: memory complaints as early [SYN]. ${LEVEL_IS_SYNTHESIS}`,
    certainty: 'verified',
  },
  {
    id: 'sentinel-mental-health-symptom',
    level: 2,
    when: { kind: 'symptom-present', codes: ['low-mood', 'anxiety'] },
    text: 'Low mood or anxiety reported.',
    source: `harm.md §2.6 Fan 2016: 77.5 % moderate-to-severe depressive and 46.0 % anxiety symptoms in chronic users [V]; §2.5 depression rose in frequent and abstinent users (Morgan 2010) [V]; §5.3 mental-health assessment [SYN]. ${LEVEL_IS_SYNTHESIS}`,
    certainty: 'verified',
    interventions: ['mental-health-assessment'],
  },
  {
    id: 'phq9-moderate-or-above',
    level: 2,
    when: { kind: 'measure-at-least', measure: 'phq9Total', value: { setting: 'phq9ModerateCutoff' } },
    text: 'PHQ-9 total in the moderate band or above: assess mental health (depression is common in chronic ketamine use).',
    source: `clinic.md §4 PHQ-9 bands: 10–14 moderate, 15–19 moderately severe, 20–27 severe (LOINC 44261-6) [V], see setting phq9ModerateCutoff; harm.md §2.6 Fan 2016: 77.5 % moderate-to-severe depressive symptoms, correlated with frequency of use [V]; §5.3 mental-health assessment [SYN]. A positive PHQ-9 item 9 is recorded as the symptom suicidal-ideation (level 4). ${LEVEL_IS_SYNTHESIS}`,
    certainty: 'verified',
    interventions: ['mental-health-assessment'],
  },
  {
    id: 'liver-tests-above-reference',
    level: 2,
    when: {
      kind: 'any-of',
      conditions: [
        { kind: 'lab-above', lab: 'alt', value: { setting: 'altUpperReferenceLimit' } },
        { kind: 'lab-above', lab: 'alp', value: { setting: 'alpUpperReferenceLimit' } },
      ],
    },
    text: "ALT or ALP above the laboratory's upper reference limit: possible ketamine cholangiopathy or liver harm; hepatobiliary review.",
    source: `harm.md §2.4 ketamine cholangiopathy with deranged LFTs (Yu 2014 [V]; case reports ALT 251 / ALP 242 and ALP 559 / ALT 124 U/L [V]); §2.1 Yee 2017: abnormal liver enzyme profile, aOR 1.967 for hydronephrosis [V]; §2.3 ladder: deranged LFTs as established harm [SYN]. The upper limits are settings (altUpperReferenceLimit, alpUpperReferenceLimit) with their own weak certainty. ${LEVEL_IS_SYNTHESIS}`,
    certainty: 'verified',
    interventions: ['hepatology-referral', 'physical-health-monitoring'],
  },
  {
    id: 'urinary-checklist-positive',
    level: 2,
    when: { kind: 'flag', field: 'urinaryChecklistPositive' },
    text: 'The KASPR urinary checklist (not validated) recorded at least one symptom.',
    source: `KASPR's own urinary checklist (src/domain/instruments, NOT validated), built from harm.md §2.1–2.3 [SYN]. ${LEVEL_IS_SYNTHESIS}`,
    certainty: 'synthesis',
  },
];

/** Patterns of use. */
const useRules: readonly HarmRule[] = [
  {
    id: 'use-on-4-or-more-days',
    level: 2,
    when: { kind: 'days-used-at-least', days: 4 },
    text: 'Use on 4 or more of the last 28 days (about weekly or more).',
    source: `Pack synthesis [SYN]: urinary harm related to dose and frequency (harm.md §2.1, Winstock 2012 [V]); 28-day recall as in the TOP (§6 [V]). The 4-day threshold is ours. ${LEVEL_IS_SYNTHESIS}`,
    certainty: 'synthesis',
  },
  {
    id: 'bingeing',
    level: 2,
    when: { kind: 'flag', field: 'bingeing' },
    text: 'Bingeing reported.',
    source: `harm.md §2.7: tolerance builds quickly, leading to binges (Crew [S]; doctorabel.us [S, low authority]). ${LEVEL_IS_SYNTHESIS}`,
    certainty: 'secondary',
  },
  {
    id: 'escalating-use',
    level: 2,
    when: { kind: 'flag', field: 'escalating' },
    text: 'Escalating use reported (larger or more frequent doses).',
    source: `harm.md §2.7 tolerance and ever larger doses (Crew [S]); §2.3 ladder: rising use or tolerance as an early signal [SYN]; §3.4 recreational use that escalated (CNWL) [S]. ${LEVEL_IS_SYNTHESIS}`,
    certainty: 'secondary',
  },
];

/** Risk behaviours (injecting is level 3, in default-rules-structured.ts). */
const riskRules: readonly HarmRule[] = [
  riskRule(
    'risk-use-alone',
    'use-alone',
    'Uses ketamine alone.',
    'harm.md §3.5 "never use alone" (edudrugs.org, non-UK) [S]; §2.8 most deaths accidental (Corkery 2021 [V]).',
  ),
  riskRule(
    'risk-use-in-water',
    'use-in-water',
    'Uses ketamine in or near water (e.g. the bath).',
    'harm.md §2.8 deaths by falling unconscious in the bath and drowning (Crew [S]); §3.5 avoid baths [S].',
  ),
  riskRule(
    'risk-driving',
    'driving',
    'Drives after using ketamine.',
    'harm.md §2.8 even small amounts impair judgement and recognition of danger, e.g. on roads (Crew [S]).',
  ),
  riskRule(
    'risk-unsafe-setting',
    'unsafe-setting',
    'Uses in unsafe settings (e.g. outdoors in the cold, unfamiliar places).',
    'harm.md §2.8 deaths lying outside on cold nights; higher risk in unfamiliar settings (Crew [S]); §3.5 [S].',
  ),
  riskRule(
    'risk-sexual',
    'sexual-risk',
    'Sexual risk while using ketamine.',
    'harm.md §2.8 vulnerability to rape (ACMD 2013 via DDN [S]); use during sex (Alcohol & Drugs Action [S]); chemsex-linked service (CNWL) [S].',
  ),
  riskRule(
    'risk-exploitation',
    'exploitation',
    'Exploitation reported: consider safeguarding.',
    'harm.md §2.8 analgesic, anaesthetic and dissociative effects leave users vulnerable to robbery, assault and rape (ACMD 2013 via DDN [S]); safeguarding response [SYN].',
    { interventions: ['safeguarding'] },
  ),
  riskRule(
    'risk-co-use-depressants',
    'co-use-depressants',
    'Uses ketamine with alcohol, GHB/GBL, opioids, benzodiazepines, gabapentinoids or other depressants.',
    "harm.md §3.5 do not mix with alcohol, opioids or benzodiazepines (Alcohol & Drugs Action [S]); §2.8 opioids, benzodiazepines and gabapentinoids co-implicated in deaths (KCL coroners' analysis [S]; Corkery 2021 [V]); §3.1 NEPTUNE groups club drugs as depressants, stimulants, SCRAs and hallucinogens [V]. GHB/GBL is not named in harm.md: counting it as a depressant is the pack's synthesis [SYN]. The substance list is pack content: a service changes it by loading a new pack version.",
    {
      when: {
        kind: 'any-of',
        conditions: [
          { kind: 'risk-present', codes: ['co-use-depressants'] },
          {
            kind: 'co-use-present',
            substances: depressantSubstances,
          },
        ],
      },
    },
  ),
];

/** Level 2: any sentinel symptom, use on 4+ of 28 days, bingeing, escalation, or any risk behaviour. */
export const briefRules: readonly HarmRule[] = [...sentinelRules, ...useRules, ...riskRules];
