// The default pack's interventions: what each level or rule may propose, each with its source in harm.md.
import type { Intervention } from './pack-types.ts';

/** Interventions of the default pack, in the order they are usually offered. */
export const defaultInterventions: readonly Intervention[] = [
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
    id: 'renal-tests',
    title: 'Renal function tests and renal ultrasound',
    description:
      'U&E with creatinine and eGFR, and a renal (kidney and bladder) ultrasound to look for hydronephrosis; repeat as the urology team advises.',
    source:
      'harm.md §5.3 U&E/creatinine/eGFR and renal and bladder ultrasound (BNSSG; Yee 2017) [SYN]; §2.1 hydronephrosis on ultrasonography (Yee 2017) [V]; §2.2 proxies: ultrasound for hydronephrosis, creatinine >100 μmol/L or falling eGFR [SYN]',
    certainty: 'synthesis',
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
];
