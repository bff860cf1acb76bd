// The shipped default pack kaspr-harm-default@1.0.0, frozen: recommendations made with it must replay identically, so it is never edited.
import type { ContentPack } from './pack-types.ts';

/** kaspr-harm-default@1.0.0 exactly as shipped on 2026-11-22 (superseded by 2.0.0; kept for replay). */
export const defaultPackV1Content: ContentPack = {
  id: 'kaspr-harm-default',
  version: '1.0.0',
  title: 'KASPR harm pathway: default content from published evidence',
  publishedAt: '2026-11-22',
  basis:
    "Built from published evidence collected in harm.md. It is NOT the KASPR framework owner's content, which is not public (harm.md §0.1, §1); no published ketamine staging or level model exists (§0.2, §5.3), so every level assignment and review interval is the product's synthesis. A service must review it before clinical use.",
  levels: [
    {
      level: 1,
      label: 'Harm reduction and monitoring',
      description: 'Harm-reduction advice and re-assessment at the next review.',
      reviewWithinDays: 90,
      interventions: ['harm-reduction-advice'],
      source:
        "Pack synthesis [SYN]: harm reduction at first contact and every review (harm.md §3.2 NICE CG51 1.1.1.1 [V]; §5.2 Tier 2 [V]); 90 days follows the TOP's suggested 3-monthly reviews (§6 [S]).",
      certainty: 'synthesis',
    },
    {
      level: 2,
      label: 'Brief or extended intervention with physical health monitoring',
      description: 'Brief or extended intervention, harm-reduction advice and physical health monitoring.',
      reviewWithinDays: 28,
      interventions: ['harm-reduction-advice', 'brief-intervention', 'physical-health-monitoring'],
      source:
        'Pack synthesis [SYN]: Tier 2 brief and motivational interventions (harm.md §5.2 [V]); monitoring per §5.3 [SYN]; 28 days matches the 28-day recall of the TOP (§6 [V]) and the 4-week point of the BNSSG urology rule (§2.2 [V]).',
      certainty: 'synthesis',
    },
    {
      level: 3,
      label: 'Structured multidisciplinary treatment',
      description:
        'Structured psychosocial treatment with keyworking, physical health monitoring and multidisciplinary review.',
      reviewWithinDays: 14,
      interventions: [
        'harm-reduction-advice',
        'structured-psychosocial',
        'physical-health-monitoring',
        'multidisciplinary-review',
      ],
      source:
        'Pack synthesis [SYN]: Tier 3 structured community treatment (harm.md §5.2 [V]); joint addiction–urology care (§2.2, §5.3, BJPsych Open 2025 [V]); 14 days mirrors the two-week direct urology pathway in the same model.',
      certainty: 'synthesis',
    },
    {
      level: 4,
      label: 'Urgent',
      description: 'Urgent medical review of the red flag(s), then re-assessment.',
      reviewWithinDays: 1,
      interventions: ['urgent-medical-review', 'physical-health-monitoring', 'harm-reduction-advice'],
      source:
        'Pack synthesis [SYN]: red flags and suspected complications (harm.md §2.2 BNSSG [V]; §2.6 [S/V]) need same- or next-day review.',
      certainty: 'synthesis',
    },
  ],
  domains: [
    {
      id: 'urinary-tract',
      label: 'Urinary tract',
      symptoms: [
        'urinary-frequency',
        'urinary-urgency',
        'dysuria',
        'suprapubic-pain',
        'visible-haematuria',
        'urinary-retention',
        'incontinence',
        'loin-pain',
      ],
      source:
        'harm.md §2.1 (Chan 2022; Winstock 2012; Hong 2018) [V]; §2.2 BNSSG clinical features, incl. flank (loin) pain and retention [V]',
      certainty: 'verified',
    },
    {
      id: 'abdominal-hepatobiliary',
      label: 'Abdominal and hepatobiliary',
      symptoms: ['abdominal-pain', 'jaundice'],
      source:
        'harm.md §2.4 (Yu 2014 [V]; ACMD 2026 [S]); jaundice placed here as a sign of cholangiopathy [SYN]',
      certainty: 'synthesis',
    },
    {
      id: 'cognitive',
      label: 'Cognitive',
      symptoms: ['memory-problems', 'dissociation-between-use'],
      source:
        'harm.md §2.5 (Morgan & Curran 2012; Morgan 2010: memory deficits and more dissociative symptoms in frequent users) [V]',
      certainty: 'verified',
    },
    {
      id: 'mental-health',
      label: 'Mental health',
      symptoms: ['low-mood', 'anxiety', 'suicidal-ideation', 'psychotic-symptoms'],
      source: 'harm.md §2.6 (Fan 2016 [V]; ICD-11 6C4D.5 [V]; suicidality [S])',
      certainty: 'verified',
    },
  ],
  interventions: [
    {
      id: 'harm-reduction-advice',
      title: 'Harm-reduction advice',
      description:
        'Talk through stopping or using less and less often, taking breaks, drinking water before, during and after use, avoiding excess caffeine and alcohol, planning and measuring doses, not mixing with alcohol, opioids or benzodiazepines, avoiding baths and cold outdoor places, not using alone, and seeking advice when urinary symptoms appear. Offer abstinence-oriented and harm-reduction options at first contact and at every formal review.',
      source:
        'harm.md §3.5 (substancemisuseresources.co.uk bladder page [S]; Crew [S]; Alcohol & Drugs Action [S]; edudrugs.org, non-UK [S]); §3.2 NICE CG51 1.1.1.1 [V]',
      certainty: 'secondary',
    },
    {
      id: 'brief-intervention',
      title: 'Brief or extended intervention',
      description:
        'Feedback on use and its harms with a motivational brief intervention, extended over further sessions where needed.',
      source:
        'harm.md §5.2 NTA Models of Care Tier 2: brief and motivational interventions [V]; §4 WHO ASSIST: moderate risk → brief intervention [V]; §3.2 NICE CG51: opportunistic brief interventions in scope [V]',
      certainty: 'verified',
    },
    {
      id: 'physical-health-monitoring',
      title: 'Physical health monitoring',
      description:
        'Urinalysis and culture, excluding UTI and STI; U&E with creatinine and eGFR; liver function tests; consider renal and bladder ultrasound. Repeat at each review while symptoms or use continue.',
      source:
        'harm.md §5.3 medical assessment and monitoring (BNSSG; Yee 2017; Yu 2014) [SYN]; §2.2 BNSSG draft: exclude UTI and STI, "check bloods" [V] (list of bloods not retrieved [U])',
      certainty: 'synthesis',
    },
    {
      id: 'structured-psychosocial',
      title: 'Structured psychosocial treatment with keyworking',
      description:
        'Comprehensive assessment, a care plan with keyworking and regular review, and structured evidence-based psychosocial interventions.',
      source:
        'harm.md §5.2 NTA Models of Care Tier 3 [V]; §3.3 ACMD 2013: offer NICE-recommended psychosocial interventions [S]; §3.2 NICE CG51 [V]',
      certainty: 'verified',
    },
    {
      id: 'multidisciplinary-review',
      title: 'Multidisciplinary review',
      description:
        'Joint review by addiction, urology and mental-health clinicians with one shared care plan, and agreed plans for any transfer so that contact is not lost.',
      source:
        'harm.md §2.2 interdisciplinary model with monthly meetings (BJPsych Open 2025) [V]; §2.5 coordinate urology and addiction care (Morgan & Curran 2012) [V]; §3.2 NICE CG51 1.1.1.3 transfer plans [V]',
      certainty: 'verified',
    },
    {
      id: 'urology-referral',
      title: 'Urology referral',
      description:
        'Refer to urology, by a direct fast-track pathway where one exists, after excluding UTI and STI. Visible haematuria also follows the local haematuria pathway (BNSSG draft: aged 45 and over via USC; under 45 may be referred urgently outside USC).',
      source:
        'harm.md §2.2 BNSSG ICB "Ketamine Bladder – Draft" [V, draft page]; direct two-week urology pathway (BJPsych Open 2025) [V]',
      certainty: 'verified',
    },
    {
      id: 'hepatology-referral',
      title: 'Hepatobiliary assessment and referral',
      description:
        'Liver function tests and biliary imaging; refer to hepatology or gastroenterology. Ketamine cholangiopathy may improve with abstinence.',
      source:
        "harm.md §2.4 ketamine cholangiopathy (Yu 2014 [V]; case reports [V]); §5.2 Tier 4b liver units [V]; the referral itself is the pack's synthesis [SYN]",
      certainty: 'synthesis',
    },
    {
      id: 'mental-health-assessment',
      title: 'Mental-health assessment',
      description:
        'Assess depression, anxiety, psychotic symptoms and suicidality, with validated measures (e.g. PHQ-9).',
      source: 'harm.md §5.3 mental-health assessment [SYN]; §2.6 Fan 2016 [V]; ICD-11 6C4D.5 [V]',
      certainty: 'synthesis',
    },
    {
      id: 'mental-health-referral',
      title: 'Urgent mental-health referral',
      description:
        'Same-day risk assessment and referral to mental-health services (crisis team where indicated).',
      source:
        "harm.md §2.6 (suicidal feelings, Surrey Drug & Alcohol page [S]; GMMH case [V]; ICD-11 6C4D.5 [V]); urgency is the pack's synthesis [SYN]",
      certainty: 'synthesis',
    },
    {
      id: 'safeguarding',
      title: 'Safeguarding',
      description:
        "Consider safeguarding and follow the local procedure: ketamine's analgesic, anaesthetic and dissociative effects leave people vulnerable to robbery, assault and rape.",
      source:
        "harm.md §2.8 ACMD 2013 review, per DDN [S]; the safeguarding response is the pack's synthesis [SYN]",
      certainty: 'secondary',
    },
    {
      id: 'urgent-medical-review',
      title: 'Urgent medical review',
      description:
        'Same-day medical assessment of the red flag(s) in the reasons: urgent GP appointment, or the emergency department when clinically indicated.',
      source:
        'harm.md §2.2 (most present via the emergency department at "crisis stage", Royal Devon specialist nurse [S]); the urgency is the pack\'s synthesis [SYN]',
      certainty: 'synthesis',
    },
  ],
  settings: {
    sdsDependenceCutoff: {
      value: 4,
      description:
        'SDS total at or above which the pack reads probable ketamine dependence (compared with ≥).',
      source:
        'harm.md §4 SDS: ≥ 4 for ketamine is attributed to Fernández-Calderón et al. 2016 but seen only in third-party code [U]; the C-SDS-K abstract (Tung 2014) gives no cut-off [V]; other substances use ≥ 3 to > 4 [V]. Verify against the paper (harm.md §7, gap 6) before relying on it.',
      certainty: 'unverified',
    },
  },
  rules: [
    {
      id: 'red-flag-visible-haematuria',
      level: 4,
      when: {
        kind: 'symptom-present',
        codes: ['visible-haematuria'],
      },
      text: 'Visible haematuria reported: a red flag. Exclude UTI and stones and refer under the local haematuria pathway.',
      source:
        'harm.md §2.2 BNSSG ICB "Ketamine Bladder – Draft" red flags: unexplained visible haematuria in adults [V, draft page]. Level 4 (urgent) is the pack\'s synthesis [SYN].',
      certainty: 'verified',
      interventions: ['urology-referral'],
      redFlag: 'visible-haematuria',
    },
    {
      id: 'red-flag-urinary-retention',
      level: 4,
      when: {
        kind: 'symptom-present',
        codes: ['urinary-retention'],
      },
      text: 'Urinary retention reported: a suspected complication of ketamine uropathy.',
      source:
        "harm.md §2.2 BNSSG draft: refer to urology if complications are suspected, e.g. hydronephrosis or retention [V, draft page]; §5.3. Level 4 (urgent) is the pack's synthesis [SYN].",
      certainty: 'verified',
      interventions: ['urology-referral'],
      redFlag: 'urinary-retention',
    },
    {
      id: 'red-flag-jaundice',
      level: 4,
      when: {
        kind: 'symptom-present',
        codes: ['jaundice'],
      },
      text: 'Jaundice reported: possible ketamine cholangiopathy or biliary stricture.',
      source:
        "harm.md §2.4 ketamine cholangiopathy with deranged LFTs, bile-duct dilatation and strictures (Yu 2014 [V]; case reports [V]). harm.md does not name jaundice itself: treating it as a red flag is the pack's synthesis [SYN]. Level 4 (urgent) is the pack's synthesis [SYN].",
      certainty: 'synthesis',
      interventions: ['hepatology-referral'],
      redFlag: 'jaundice',
    },
    {
      id: 'red-flag-suicidal-ideation',
      level: 4,
      when: {
        kind: 'symptom-present',
        codes: ['suicidal-ideation'],
      },
      text: 'Suicidal ideation reported: urgent risk assessment and mental-health referral.',
      source:
        "harm.md §2.6 suicidal feelings with ketamine use (Surrey Drug & Alcohol page [S]); GMMH case with suicidal thoughts (BJPsych Open 2024 [V]); no UK prevalence figure [U]. Level 4 (urgent) is the pack's synthesis [SYN].",
      certainty: 'secondary',
      interventions: ['mental-health-referral'],
      redFlag: 'suicidal-ideation',
    },
    {
      id: 'red-flag-psychotic-symptoms',
      level: 4,
      when: {
        kind: 'symptom-present',
        codes: ['psychotic-symptoms'],
      },
      text: 'Psychotic symptoms reported: urgent medical and mental-health assessment.',
      source:
        "harm.md §2.6 ICD-11 6C4D.5 dissociative drug-induced psychotic disorder [V]; §2.5 delusional symptoms dose-related (Morgan 2010) [V]; §2.8 psychosis in severe acute toxicity (ACMD 2026 via Pharmaceutical Journal) [S]. Level 4 (urgent) is the pack's synthesis [SYN].",
      certainty: 'verified',
      interventions: ['mental-health-referral'],
      redFlag: 'psychotic-symptoms',
    },
    {
      id: 'red-flag-egfr-below-60',
      level: 4,
      when: {
        kind: 'lab-below',
        lab: 'egfr',
        value: 60,
      },
      text: 'eGFR below 60 mL/min/1.73 m²: possible renal impairment from upper-tract involvement.',
      source:
        "Pack synthesis [SYN] from harm.md §2.1 (renal decline in ketamine uropathy, hydronephrosis group with lower eGFR, IJERPH 2020 [V]) and §2.3 (falling eGFR as late/severe harm [SYN]). The threshold 60 is NOT in harm.md (it is the conventional CKD G3 boundary): verify locally. Level 4 (urgent) is the pack's synthesis [SYN].",
      certainty: 'synthesis',
      interventions: ['urology-referral'],
      redFlag: 'egfr-below-60',
    },
    {
      id: 'urinary-symptoms-persist-after-stopping',
      level: 3,
      when: {
        kind: 'symptom-persists-weeks',
        codes: [
          'urinary-frequency',
          'urinary-urgency',
          'dysuria',
          'suprapubic-pain',
          'visible-haematuria',
          'urinary-retention',
          'incontinence',
          'loin-pain',
        ],
        weeks: 4,
      },
      text: 'Urinary symptoms have persisted 4 weeks or more after stopping ketamine: refer to urology.',
      source:
        "harm.md §2.2 BNSSG draft: refer to urology if symptoms persist more than 4 weeks after stopping ketamine [V, draft page]; §5.3. The pack triggers at 4 weeks or more, so at exactly 4 weeks it refers rather than waits [SYN]. Level 3 is the pack's synthesis [SYN].",
      certainty: 'verified',
      interventions: ['urology-referral'],
    },
    {
      id: 'near-daily-use',
      level: 3,
      when: {
        kind: 'days-used-at-least',
        days: 20,
      },
      text: 'Near-daily use: 20 or more of the last 28 days.',
      source:
        "Pack synthesis [SYN]: frequent daily use and memory impairment (harm.md §2.5, Morgan & Curran 2012 [V]; Morgan 2010 [V]); urinary symptoms related to dose and frequency (§2.1, Winstock 2012 [V]); depression and anxiety scores correlate with frequency (§2.6, Fan 2016 [V]). The 20-day threshold is ours. Level 3 is the pack's synthesis [SYN].",
      certainty: 'synthesis',
      interventions: ['structured-psychosocial'],
    },
    {
      id: 'harm-in-two-or-more-domains',
      level: 3,
      when: {
        kind: 'domains-at-least',
        count: 2,
      },
      text: 'Harm in two or more body or mind domains (listed under derived.domains): coordinated multidisciplinary care.',
      source:
        "Pack synthesis [SYN]: joint addiction–urology care and MDT meetings (harm.md §2.2 and §5.3, BJPsych Open 2025 [V]); coordinate urology and addiction care (§2.5, Morgan & Curran 2012 [V]); multidimensional assessment placed by the highest-risk dimensions, not an average (§5.1 ASAM, named for comparison only [S]). Level 3 is the pack's synthesis [SYN].",
      certainty: 'synthesis',
      interventions: ['multidisciplinary-review'],
    },
    {
      id: 'injecting',
      level: 3,
      when: {
        kind: 'any-of',
        conditions: [
          {
            kind: 'route-present',
            routes: ['injected'],
          },
          {
            kind: 'risk-present',
            codes: ['injecting'],
          },
        ],
      },
      text: 'Injecting ketamine (route or recorded risk behaviour).',
      source:
        "Pack synthesis [SYN]: harm.md gives no ketamine-specific injecting evidence; injecting is a core TOP item (§6 Section 2: days injected, shared equipment [V]). Level 3 is the pack's synthesis [SYN].",
      certainty: 'synthesis',
      interventions: ['structured-psychosocial'],
    },
    {
      id: 'sds-dependence',
      level: 3,
      when: {
        kind: 'measure-at-least',
        measure: 'sdsTotal',
        value: {
          setting: 'sdsDependenceCutoff',
        },
      },
      text: "SDS total at or above the pack's ketamine dependence cut-off (see settingsUsed: the cut-off is unverified for ketamine).",
      source:
        "harm.md §4 SDS (Gossop 1995): no verified ketamine cut-off [U], see setting sdsDependenceCutoff; §3.3 ACMD 2013: treat ketamine as dependence-forming and offer NICE-recommended psychosocial interventions [S]; §5.2 Tier 3 structured treatment [V]. Level 3 is the pack's synthesis [SYN].",
      certainty: 'unverified',
      interventions: ['structured-psychosocial'],
    },
    {
      id: 'creatinine-above-100',
      level: 3,
      when: {
        kind: 'lab-above',
        lab: 'creatinineUmolL',
        value: 100,
      },
      text: 'Serum creatinine above 100 µmol/L: an independent predictor of hydronephrosis in ketamine uropathy.',
      source:
        "harm.md §2.1 Yee 2017: serum creatinine >100 μmol/L, aOR 3.107 for hydronephrosis [V]; §2.3 creatinine >100 μmol/L as late/severe harm [SYN]; §5.3 urology referral if hydronephrosis [SYN]. Level 3 is the pack's synthesis [SYN].",
      certainty: 'verified',
      interventions: ['urology-referral', 'physical-health-monitoring'],
    },
    {
      id: 'sentinel-urinary-symptom',
      level: 2,
      when: {
        kind: 'symptom-present',
        codes: [
          'urinary-frequency',
          'urinary-urgency',
          'dysuria',
          'suprapubic-pain',
          'incontinence',
          'loin-pain',
        ],
      },
      text: 'Urinary sentinel symptom reported: an early sign of ketamine uropathy, which often improves on stopping.',
      source:
        "harm.md §2.1 (Chan 2022: frequency 77.1 %, urgency 69.9 %, suprapubic pain 60.4 % [V]; Winstock 2012: 51 % improved on cessation [V]; Hong 2018 LUTS list [V]); §2.2 BNSSG clinical features incl. flank pain and incontinence [V]; §2.3 early signs [S] and ladder [SYN]. Level 2 is the pack's synthesis [SYN].",
      certainty: 'verified',
    },
    {
      id: 'sentinel-abdominal-pain',
      level: 2,
      when: {
        kind: 'symptom-present',
        codes: ['abdominal-pain'],
      },
      text: 'Abdominal pain reported: possible ketamine-related biliary or gut harm; check liver function.',
      source:
        'harm.md §2.4 (epigastric pain with cholangiopathy, Yu 2014 [V]; chronic abdominal pain, ACMD 2026 [S]; "K-cramps" has no clinical definition [U]); §2.3 ladder: episodic abdominal pain as early [SYN]. Level 2 is the pack\'s synthesis [SYN].',
      certainty: 'verified',
    },
    {
      id: 'sentinel-cognitive-symptom',
      level: 2,
      when: {
        kind: 'symptom-present',
        codes: ['memory-problems', 'dissociation-between-use'],
      },
      text: 'Memory problems or dissociation between episodes of use reported.',
      source:
        "harm.md §2.5 (working and episodic memory, Morgan & Curran 2012 [V]; more dissociative symptoms in frequent users, Morgan 2010 [V]; Curran & Monaghan 2001 [V]); §2.3 ladder: memory complaints as early [SYN]. Level 2 is the pack's synthesis [SYN].",
      certainty: 'verified',
    },
    {
      id: 'sentinel-mental-health-symptom',
      level: 2,
      when: {
        kind: 'symptom-present',
        codes: ['low-mood', 'anxiety'],
      },
      text: 'Low mood or anxiety reported.',
      source:
        "harm.md §2.6 Fan 2016: 77.5 % moderate-to-severe depressive and 46.0 % anxiety symptoms in chronic users [V]; §2.5 depression rose in frequent and abstinent users (Morgan 2010) [V]; §5.3 mental-health assessment [SYN]. Level 2 is the pack's synthesis [SYN].",
      certainty: 'verified',
      interventions: ['mental-health-assessment'],
    },
    {
      id: 'urinary-checklist-positive',
      level: 2,
      when: {
        kind: 'flag',
        field: 'urinaryChecklistPositive',
      },
      text: 'The KASPR urinary checklist (not validated) recorded at least one symptom.',
      source:
        "KASPR's own urinary checklist (src/domain/instruments, NOT validated), built from harm.md §2.1–2.3 [SYN]. Level 2 is the pack's synthesis [SYN].",
      certainty: 'synthesis',
    },
    {
      id: 'use-on-4-or-more-days',
      level: 2,
      when: {
        kind: 'days-used-at-least',
        days: 4,
      },
      text: 'Use on 4 or more of the last 28 days (about weekly or more).',
      source:
        "Pack synthesis [SYN]: urinary harm related to dose and frequency (harm.md §2.1, Winstock 2012 [V]); 28-day recall as in the TOP (§6 [V]). The 4-day threshold is ours. Level 2 is the pack's synthesis [SYN].",
      certainty: 'synthesis',
    },
    {
      id: 'bingeing',
      level: 2,
      when: {
        kind: 'flag',
        field: 'bingeing',
      },
      text: 'Bingeing reported.',
      source:
        "harm.md §2.7: tolerance builds quickly, leading to binges (Crew [S]; doctorabel.us [S, low authority]). Level 2 is the pack's synthesis [SYN].",
      certainty: 'secondary',
    },
    {
      id: 'escalating-use',
      level: 2,
      when: {
        kind: 'flag',
        field: 'escalating',
      },
      text: 'Escalating use reported (larger or more frequent doses).',
      source:
        "harm.md §2.7 tolerance and ever larger doses (Crew [S]); §2.3 ladder: rising use or tolerance as an early signal [SYN]; §3.4 recreational use that escalated (CNWL) [S]. Level 2 is the pack's synthesis [SYN].",
      certainty: 'secondary',
    },
    {
      id: 'risk-use-alone',
      level: 2,
      when: {
        kind: 'risk-present',
        codes: ['use-alone'],
      },
      text: 'Uses ketamine alone.',
      source:
        'harm.md §3.5 "never use alone" (edudrugs.org, non-UK) [S]; §2.8 most deaths accidental (Corkery 2021 [V]). Level 2 is the pack\'s synthesis [SYN].',
      certainty: 'secondary',
    },
    {
      id: 'risk-use-in-water',
      level: 2,
      when: {
        kind: 'risk-present',
        codes: ['use-in-water'],
      },
      text: 'Uses ketamine in or near water (e.g. the bath).',
      source:
        "harm.md §2.8 deaths by falling unconscious in the bath and drowning (Crew [S]); §3.5 avoid baths [S]. Level 2 is the pack's synthesis [SYN].",
      certainty: 'secondary',
    },
    {
      id: 'risk-driving',
      level: 2,
      when: {
        kind: 'risk-present',
        codes: ['driving'],
      },
      text: 'Drives after using ketamine.',
      source:
        "harm.md §2.8 even small amounts impair judgement and recognition of danger, e.g. on roads (Crew [S]). Level 2 is the pack's synthesis [SYN].",
      certainty: 'secondary',
    },
    {
      id: 'risk-unsafe-setting',
      level: 2,
      when: {
        kind: 'risk-present',
        codes: ['unsafe-setting'],
      },
      text: 'Uses in unsafe settings (e.g. outdoors in the cold, unfamiliar places).',
      source:
        "harm.md §2.8 deaths lying outside on cold nights; higher risk in unfamiliar settings (Crew [S]); §3.5 [S]. Level 2 is the pack's synthesis [SYN].",
      certainty: 'secondary',
    },
    {
      id: 'risk-sexual',
      level: 2,
      when: {
        kind: 'risk-present',
        codes: ['sexual-risk'],
      },
      text: 'Sexual risk while using ketamine.',
      source:
        "harm.md §2.8 vulnerability to rape (ACMD 2013 via DDN [S]); use during sex (Alcohol & Drugs Action [S]); chemsex-linked service (CNWL) [S]. Level 2 is the pack's synthesis [SYN].",
      certainty: 'secondary',
    },
    {
      id: 'risk-exploitation',
      level: 2,
      when: {
        kind: 'risk-present',
        codes: ['exploitation'],
      },
      text: 'Exploitation reported: consider safeguarding.',
      source:
        "harm.md §2.8 analgesic, anaesthetic and dissociative effects leave users vulnerable to robbery, assault and rape (ACMD 2013 via DDN [S]); safeguarding response [SYN]. Level 2 is the pack's synthesis [SYN].",
      certainty: 'secondary',
      interventions: ['safeguarding'],
    },
    {
      id: 'risk-co-use-depressants',
      level: 2,
      when: {
        kind: 'any-of',
        conditions: [
          {
            kind: 'risk-present',
            codes: ['co-use-depressants'],
          },
          {
            kind: 'co-use-present',
            substances: ['alcohol', 'benzodiazepines', 'opioids'],
          },
        ],
      },
      text: 'Uses ketamine with alcohol, opioids, benzodiazepines or other depressants.',
      source:
        "harm.md §3.5 do not mix with alcohol, opioids or benzodiazepines (Alcohol & Drugs Action [S]); §2.8 opioids and benzodiazepines co-implicated in deaths (KCL coroners' analysis [S]; Corkery 2021 [V]). GHB/GBL is not named in harm.md: only the risk code covers it. Level 2 is the pack's synthesis [SYN].",
      certainty: 'secondary',
    },
  ],
  baseline: {
    ruleId: 'no-rule-triggered',
    level: 1,
    text: 'No rule in this pack triggered: no red flag, sentinel symptom or risk behaviour was recorded, and use was below the thresholds. Offer harm-reduction advice and re-assess at the next review.',
    source:
      'Pack synthesis [SYN]: harm reduction at first contact and every review (harm.md §3.2 NICE CG51 1.1.1.1 [V]).',
    certainty: 'synthesis',
  },
};
