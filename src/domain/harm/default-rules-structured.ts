// The default pack's level-3 rules: needs that call for structured multidisciplinary treatment.
import { urinarySymptomCodes } from './codes.ts';
import type { HarmRule } from './pack-types.ts';

const LEVEL_IS_SYNTHESIS = "Level 3 is the pack's synthesis [SYN].";

/** Level 3: loin pain, persistent urinary symptoms, near-daily use, harm in 2+ domains, injecting, SDS dependence, creatinine. */
export const structuredRules: readonly HarmRule[] = [
  {
    id: 'urinary-symptoms-persist-after-stopping',
    level: 3,
    when: {
      kind: 'symptom-persists-weeks',
      codes: urinarySymptomCodes,
      weeks: 4,
    },
    text: 'Urinary symptoms have persisted 4 weeks or more after stopping ketamine: refer to urology.',
    source: `harm.md §2.2 BNSSG draft: refer to urology if symptoms persist more than 4 weeks after stopping ketamine [V, draft page]; §5.3. The pack triggers at 4 weeks or more, so at exactly 4 weeks it refers rather than waits [SYN]. ${LEVEL_IS_SYNTHESIS}`,
    certainty: 'verified',
    interventions: ['urology-referral'],
  },
  {
    id: 'loin-pain',
    level: 3,
    when: { kind: 'symptom-present', codes: ['loin-pain'] },
    text: 'Loin (flank) pain reported: possible upper urinary tract involvement (hydronephrosis). Refer to urology and check renal function (U&E, creatinine, eGFR) with a renal ultrasound.',
    source: `harm.md §2.2 BNSSG draft: flank pain among the clinical features, and refer to urology if complications such as hydronephrosis are suspected [V, draft page]; §2.1 Yee 2017: hydronephrosis in 16.8 % of patients with ketamine uropathy [V]; ICS 2023: hydronephrosis in 24.7 %, nephrostomy in 6 [V]; §2.3 ladder: hydronephrosis as late/severe harm [SYN]; §5.3 U&E/creatinine/eGFR and renal ultrasound [SYN]. Loin pain is not treated as an early lower-tract sign [SYN]. ${LEVEL_IS_SYNTHESIS}`,
    certainty: 'verified',
    interventions: ['urology-referral', 'renal-tests'],
  },
  {
    id: 'near-daily-use',
    level: 3,
    when: { kind: 'days-used-at-least', days: 20 },
    text: 'Near-daily use: 20 or more of the last 28 days.',
    source: `Pack synthesis [SYN]: frequent daily use and memory impairment (harm.md §2.5, Morgan & Curran 2012 [V]; Morgan 2010 [V]); urinary symptoms related to dose and frequency (§2.1, Winstock 2012 [V]); depression and anxiety scores correlate with frequency (§2.6, Fan 2016 [V]). The 20-day threshold is ours. ${LEVEL_IS_SYNTHESIS}`,
    certainty: 'synthesis',
    interventions: ['structured-psychosocial'],
  },
  {
    id: 'harm-in-two-or-more-domains',
    level: 3,
    when: { kind: 'domains-at-least', count: 2 },
    text: 'Harm in two or more body or mind domains (listed under derived.domains): coordinated multidisciplinary care.',
    source: `Pack synthesis [SYN]: joint addiction–urology care and MDT meetings (harm.md §2.2 and §5.3, BJPsych Open 2025 [V]); coordinate urology and addiction care (§2.5, Morgan & Curran 2012 [V]); multidimensional assessment placed by the highest-risk dimensions, not an average (§5.1 ASAM, named for comparison only [S]). ${LEVEL_IS_SYNTHESIS}`,
    certainty: 'synthesis',
    interventions: ['multidisciplinary-review'],
  },
  {
    id: 'injecting',
    level: 3,
    when: {
      kind: 'any-of',
      conditions: [
        { kind: 'route-present', routes: ['injected'] },
        { kind: 'risk-present', codes: ['injecting'] },
      ],
    },
    text: 'Injecting ketamine (route or recorded risk behaviour).',
    source: `Pack synthesis [SYN]: harm.md gives no ketamine-specific injecting evidence; injecting is a core TOP item (§6 Section 2: days injected, shared equipment [V]). ${LEVEL_IS_SYNTHESIS}`,
    certainty: 'synthesis',
    interventions: ['structured-psychosocial'],
  },
  {
    id: 'sds-dependence',
    level: 3,
    when: { kind: 'measure-at-least', measure: 'sdsTotal', value: { setting: 'sdsDependenceCutoff' } },
    text: "SDS total at or above the pack's ketamine dependence cut-off (see settingsUsed: the cut-off is unverified for ketamine).",
    source: `harm.md §4 SDS (Gossop 1995): no verified ketamine cut-off [U], see setting sdsDependenceCutoff; §3.3 ACMD 2013: treat ketamine as dependence-forming and offer NICE-recommended psychosocial interventions [S]; §5.2 Tier 3 structured treatment [V]. ${LEVEL_IS_SYNTHESIS}`,
    certainty: 'unverified',
    interventions: ['structured-psychosocial'],
  },
  {
    id: 'creatinine-above-100',
    level: 3,
    // Strictly above 100 µmol/L, as reported by Yee 2017 (">100").
    when: { kind: 'lab-above', lab: 'creatinineUmolL', value: 100 },
    text: 'Serum creatinine above 100 µmol/L: an independent predictor of hydronephrosis in ketamine uropathy.',
    source: `harm.md §2.1 Yee 2017: serum creatinine >100 μmol/L, aOR 3.107 for hydronephrosis [V]; §2.3 creatinine >100 μmol/L as late/severe harm [SYN]; §5.3 urology referral if hydronephrosis [SYN]. ${LEVEL_IS_SYNTHESIS}`,
    certainty: 'verified',
    interventions: ['urology-referral', 'physical-health-monitoring'],
  },
];
