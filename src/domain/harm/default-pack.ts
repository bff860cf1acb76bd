// The default harm content pack: levels, domains and settings built from harm.md, assembled and validated.
import { urinarySymptomCodes } from './codes.ts';
import { defaultInterventions } from './default-interventions.ts';
import { defaultPackV1Content } from './default-pack-1-0-0.ts';
import { briefRules } from './default-rules-brief.ts';
import { structuredRules } from './default-rules-structured.ts';
import { urgentRules } from './default-rules-urgent.ts';
import type { ContentPack, HarmDomain, LevelDefinition, ValidContentPack } from './pack-types.ts';
import { validateContentPack } from './pack-validate.ts';

// No published ketamine level model exists (harm.md §0.2, §5.3), so levels and review intervals are ours.
const levels: readonly LevelDefinition[] = [
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
];

// Body and mind domains, by the section of harm.md that describes each harm.
const domains: readonly HarmDomain[] = [
  {
    id: 'urinary-tract',
    label: 'Urinary tract',
    symptoms: urinarySymptomCodes,
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
];

/** The default pack as plain data (what a service exports, reviews and edits). */
export const defaultPackContent: ContentPack = {
  id: 'kaspr-harm-default',
  // 2.0.0: loin pain has its own rule (level 3; level 4 with fever), GHB/GBL and other depressants count as
  // co-use, PHQ-9 and liver tests are read, and the baseline names the inputs not recorded. 1.0.0 stays
  // replayable (default-pack-1-0-0.ts).
  version: '2.0.0',
  title: 'KASPR harm pathway: default content from published evidence',
  publishedAt: '2026-12-05',
  basis:
    "Built from published evidence collected in harm.md. It is NOT the KASPR framework owner's content, which is not public (harm.md §0.1, §1); no published ketamine staging or level model exists (§0.2, §5.3), so every level assignment and review interval is the product's synthesis. A service must review it before clinical use.",
  levels,
  domains,
  interventions: defaultInterventions,
  settings: {
    sdsDependenceCutoff: {
      value: 4,
      description:
        'SDS total at or above which the pack reads probable ketamine dependence (compared with ≥).',
      // harm.md §4 has no verified ketamine cut-off; 4 is its only ketamine figure, so it is the default,
      // kept as a setting so a service can change it and every reason shows its weak certainty.
      source:
        'harm.md §4 SDS: ≥ 4 for ketamine is attributed to Fernández-Calderón et al. 2016 but seen only in third-party code [U]; the C-SDS-K abstract (Tung 2014) gives no cut-off [V]; other substances use ≥ 3 to > 4 [V]. Verify against the paper (harm.md §7, gap 6) before relying on it.',
      certainty: 'unverified',
    },
    phq9ModerateCutoff: {
      value: 10,
      description:
        'PHQ-9 total at or above which the pack asks for a mental-health assessment (compared with ≥).',
      source:
        'clinic.md §4 PHQ-9: 10–14 moderate, 15–19 moderately severe, 20–27 severe (LOINC 44261-6, answer list LL382-3) [V]. Using the lower edge of "moderate" as the trigger is the pack\'s synthesis [SYN].',
      certainty: 'verified',
    },
    altUpperReferenceLimit: {
      value: 40,
      description:
        "ALT (U/L) above which the pack reads the liver tests as deranged (compared with >). Set it to your laboratory's upper reference limit.",
      // harm.md §2.4 reports deranged LFTs in ketamine cholangiopathy but gives no reference range.
      source:
        "No reference range in harm.md §2.3/§2.4 (it reports deranged LFTs, e.g. ALT 124 and 251 U/L, without a range) [U]. 40 U/L is a commonly quoted adult upper limit from a low-authority secondary summary; laboratories differ (about 31–55 U/L) [U]. Replace with the local laboratory's upper reference limit.",
      certainty: 'unverified',
    },
    alpUpperReferenceLimit: {
      value: 130,
      description:
        "ALP (U/L) above which the pack reads the liver tests as deranged (compared with >). Set it to your laboratory's upper reference limit.",
      source:
        "No reference range in harm.md §2.3/§2.4 (it reports ALP 242 and 559 U/L in case reports, without a range) [U]. 130 U/L is a commonly quoted adult upper limit from a low-authority secondary summary; laboratories differ (about 120–130 U/L), and ALP may come from bone [U]. Replace with the local laboratory's upper reference limit.",
      certainty: 'unverified',
    },
  },
  rules: [...urgentRules, ...structuredRules, ...briefRules],
  baseline: {
    ruleId: 'no-rule-triggered',
    level: 1,
    // {notRecorded} is filled by the engine with the inputs some rule needed but the assessment did not record.
    text: 'No rule in this pack triggered on what was recorded. {notRecorded} TOP ratings, urinalysis text, typical amount and age at first use are informational: recorded, but read by no rule. Offer harm-reduction advice and re-assess at the next review.',
    source:
      'Pack synthesis [SYN]: harm reduction at first contact and every review (harm.md §3.2 NICE CG51 1.1.1.1 [V]).',
    certainty: 'synthesis',
  },
};

function validatedDefaultPack(content: ContentPack): ValidContentPack {
  const outcome = validateContentPack(content);
  // The shipped pack being invalid is a programming error, not an expected result: fail loudly at load.
  if (!outcome.ok)
    throw new Error(
      `Shipped harm pack ${content.id}@${content.version} is invalid: ${outcome.problems.map((p) => `${p.path}: ${p.text}`).join('; ')}`,
    );
  return outcome.value;
}

/** The default pack, validated and frozen. */
export const defaultPack: ValidContentPack = validatedDefaultPack(defaultPackContent);

/**
 * Every pack version this release ships, newest first. The newest is in force unless a service loads its own;
 * older ones stay so that recommendations made with them replay identically.
 */
export const shippedPacks: readonly ValidContentPack[] = [
  defaultPack,
  validatedDefaultPack(defaultPackV1Content),
];
