// Every service outcome measure written down as data: what it counts, over what, in what unit, and why.

/** The seed's outcome families ("Outcomes for Services"), plus the outcomes themselves. */
export type MeasureFamily =
  | 'earlier-identification'
  | 'consistency'
  | 'alignment'
  | 'engagement'
  | 'continuity'
  | 'escalation'
  | 'outcomes';

/** Ids of the service outcome measures. */
export const measureIds = [
  'days-to-first-sentinel',
  'sentinel-at-first-assessment',
  'first-level-by-month',
  'identification-funnel',
  'override-rate',
  'level-spread',
  'calibration-fleiss-kappa',
  'calibration-cohen-kappa',
  'calibration-split-vignettes',
  'care-plan-matches-level',
  'referral-within-target',
  'attended-of-booked',
  'did-not-attend-rate',
  'time-in-treatment',
  'reviews-on-time',
  'contact-gap',
  'same-key-worker',
  'level-rose-at-review',
  'level-fell-at-review',
  'level-4-per-month',
  'crisis-events-per-month',
  'change-days-used',
  'change-sds',
  'change-phq9',
  'change-urinary-symptoms',
  'phq9-response',
  'phq9-remission',
] as const;

/** A service outcome measure. */
export type MeasureId = (typeof measureIds)[number];

/** A measure's written definition, shown beside its number. */
export interface MeasureDefinition {
  readonly id: MeasureId;
  readonly family: MeasureFamily;
  readonly title: string;
  /** Plain words a service manager reads beside the number. */
  readonly definition: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly unit: string;
  /** Where the measure comes from; "KASPR synthesis" marks a definition that is ours, not published. */
  readonly source: string;
}

const SEED = 'KASPR seed "Outcomes for Services"';

const definitions: { readonly [K in MeasureId]: Omit<MeasureDefinition, 'id'> } = {
  'days-to-first-sentinel': {
    family: 'earlier-identification',
    title: 'Days from first contact to first sentinel symptom',
    definition:
      'How long after someone first contacted the service a sentinel symptom (an early sign of harm, such as urinary frequency) was first written down. Shorter means harm is being noticed sooner.',
    numerator:
      'For each person, days from first contact to the first assessment that records a sentinel symptom',
    denominator: 'People with at least one sentinel symptom recorded (others are left out)',
    unit: 'days (median across people; mean also given)',
    source: `${SEED}: earlier identification; harm.md §2.3 sentinel signs. KASPR synthesis.`,
  },
  'sentinel-at-first-assessment': {
    family: 'earlier-identification',
    title: 'Sentinel symptoms found at first assessment',
    definition:
      'Of all the sentinel symptoms recorded for people, the share already found at their first assessment rather than later. Higher means the first assessment is picking symptoms up; a symptom that truly starts later also counts as "found later".',
    numerator: 'Distinct person–symptom pairs recorded at the first assessment',
    denominator:
      'Distinct person–symptom pairs recorded at any assessment (outside the team, withheld when fewer than 5 people are behind either count)',
    unit: 'share (0–1)',
    source: `${SEED}: earlier identification; harm.md §2.3. KASPR synthesis.`,
  },
  'first-level-by-month': {
    family: 'earlier-identification',
    title: 'Level of need at first assessment, by month',
    definition:
      'The confirmed level of need (1 lowest to 4 most urgent) of people at their first assessment, month by month. More people first seen at levels 1–2 over time suggests harm is being met earlier.',
    numerator: 'People first assessed in the month at each level',
    denominator: 'People first assessed in the month',
    unit: 'share at each level, and mean level, per calendar month',
    source: `${SEED}: earlier identification and "move from reactive, threshold-based responses". KASPR synthesis.`,
  },
  'identification-funnel': {
    family: 'earlier-identification',
    title: 'From identification to intervention (funnel)',
    definition:
      'How many people move through each step within the period: in contact with the service; assessed (a harm assessment confirmed); harm identified (a sentinel symptom recorded, or a level of 2 or more confirmed); a care plan agreed; and an intervention delivered (an appointment attended on or after the first care plan). Each step counts people, so a big drop between two steps shows where people are lost.',
    numerator: 'People reaching each step in the period',
    denominator: 'People in contact in the period (registered, assessed or with an appointment in it)',
    unit: 'people at each step, and each step as a share of the first',
    source: `${SEED}: earlier identification and better alignment between presentation and intervention. KASPR synthesis.`,
  },
  'override-rate': {
    family: 'consistency',
    title: 'Override rate',
    definition:
      'How often the practitioner recorded a different level from the one the rules engine proposed, per practitioner and per team. Some overrides are expected; a practitioner or team far from the rest is worth a supervision conversation.',
    numerator: 'Assessments where an override was recorded',
    denominator: 'Assessments confirmed (by that practitioner, or in that team)',
    unit: 'share (0–1)',
    source: `${SEED}: more consistent decision-making. KASPR synthesis.`,
  },
  'level-spread': {
    family: 'consistency',
    title: 'Spread of levels for comparable presentations',
    definition:
      'Presentations are "comparable" when the rules engine proposed the same level for them. For each proposed level: how the confirmed levels spread, the share confirmed at a different level, and the share of pairs of decisions by different practitioners that disagree. Lower means more consistent.',
    numerator:
      'Assessments confirmed at a level other than the proposal; pairs (by different practitioners) confirming different levels',
    denominator: 'Assessments with that proposed level; pairs of such assessments by different practitioners',
    unit: 'share (0–1), per proposed level and pooled',
    source: `${SEED}: reducing variation between practitioners. Pair index after the agreement logic of Fleiss 1971. KASPR synthesis.`,
  },
  'calibration-fleiss-kappa': {
    family: 'consistency',
    title: 'Team agreement on calibration vignettes (Fleiss kappa)',
    definition:
      'When the whole team rates the same written cases, how far they agree on the level beyond what chance alone would give. 1 is full agreement, 0 is no better than chance.',
    numerator: 'Observed agreement between pairs of raters minus chance agreement',
    denominator: 'One minus chance agreement',
    unit: 'kappa (−1 to 1)',
    source: 'Fleiss JL. Measuring nominal scale agreement among many raters. Psychol Bull 1971;76(5):378–82.',
  },
  'calibration-cohen-kappa': {
    family: 'consistency',
    title: 'Practitioner agreement with the reference rating (Cohen kappa)',
    definition:
      'For each practitioner, how far their levels on the calibration vignettes agree with the reference rating (and, separately, with the rules engine) beyond chance.',
    numerator: 'Observed agreement minus chance agreement',
    denominator: 'One minus chance agreement',
    unit: 'kappa (−1 to 1), with the plain share agreeing',
    source: 'Cohen J. A coefficient of agreement for nominal scales. Educ Psychol Meas 1960;20:37–46.',
  },
  'calibration-split-vignettes': {
    family: 'consistency',
    title: 'Vignettes that split the team',
    definition:
      'The calibration cases the team disagreed on most: for each vignette, the share of pairs of raters who gave the same level. A vignette "splits the team" when fewer than half of the pairs agree.',
    numerator: 'Pairs of raters giving the vignette the same level',
    denominator: 'All pairs of raters of the vignette',
    unit: 'share (0–1) per vignette',
    source: 'Per-subject agreement P_i of Fleiss 1971; the one-half threshold is KASPR synthesis.',
  },
  'care-plan-matches-level': {
    family: 'alignment',
    title: 'Care plans that match the level of need',
    definition:
      'The share of care plans that include every intervention the content pack lists for the level the plan was written for. A plan may add more; it may not leave one out.',
    numerator: 'Care plans containing every intervention the pack lists for their level',
    denominator: 'Care plans written for a level the pack defines',
    unit: 'share (0–1)',
    source: `${SEED}: better alignment between presentation and intervention; levels from the content pack (harm.md §5.3). KASPR synthesis.`,
  },
  'referral-within-target': {
    family: 'alignment',
    title: 'Level 3–4 referrals made within target time',
    definition:
      'Of referrals decided for people at level 3 or 4, the share made within their target time (e.g. 14 days for a two-week urology pathway). A referral not yet made counts as late once its target has passed.',
    numerator: 'Referrals made no later than the target number of days after the decision',
    denominator: 'Referrals at level 3–4 made, or whose target date has passed by the report date',
    unit: 'share (0–1)',
    source: `${SEED}: alignment; harm.md §5.3 fast track (BJPsych Open 2025). KASPR synthesis.`,
  },
  'attended-of-booked': {
    family: 'engagement',
    title: 'Appointments attended of those booked',
    definition:
      'Of appointments booked for dates up to the report date, the share the person attended. Cancelled appointments stay in the count; rescheduled ones are left out because the new booking is counted instead.',
    numerator: 'Appointments attended',
    denominator: 'Appointments dated up to the report date, except rescheduled ones',
    unit: 'share (0–1)',
    source: `${SEED}: improved engagement. KASPR synthesis.`,
  },
  'did-not-attend-rate': {
    family: 'engagement',
    title: 'Did-not-attend rate',
    definition:
      'Of appointments that went ahead or were missed, the share the person did not attend without notice.',
    numerator: 'Appointments marked did-not-attend',
    denominator: 'Appointments marked attended or did-not-attend',
    unit: 'share (0–1)',
    source: `${SEED}: improved engagement; the usual NHS DNA-rate definition.`,
  },
  'time-in-treatment': {
    family: 'engagement',
    title: 'Time in treatment',
    definition:
      'How long people have been with the service: from first contact to discharge, or to the report date for people still open.',
    numerator: 'For each person, days from first contact to discharge or the report date',
    denominator: 'People in the data',
    unit: 'days (median; mean also given)',
    source: `${SEED}: engagement. KASPR synthesis.`,
  },
  'reviews-on-time': {
    family: 'continuity',
    title: 'Reviews done on time',
    definition:
      'Of reviews already done or now overdue, the share done by the due date (plus any grace days the service allows). A review not done counts as late once its due date and grace have passed.',
    numerator: 'Reviews done no later than the due date plus the grace days',
    denominator: 'Reviews done, or not done and past their due date plus grace days at the report date',
    unit: 'share (0–1)',
    source: `${SEED}: greater continuity of care; harm.md §6 TOP reviews every 3 months with a 2-week window. KASPR synthesis.`,
  },
  'contact-gap': {
    family: 'continuity',
    title: 'Gap between contacts',
    definition: 'The usual number of days between one attended appointment and the next for the same person.',
    numerator: 'Days between consecutive attended appointments, pooled across people',
    denominator: 'Gaps between consecutive attended appointments',
    unit: 'days (median; mean also given)',
    source: `${SEED}: continuity. KASPR synthesis.`,
  },
  'same-key-worker': {
    family: 'continuity',
    title: 'Same key worker over the period',
    definition: 'The share of people who kept one key worker for the whole period.',
    numerator: 'People with exactly one key worker in the period',
    denominator: 'People with at least one key worker recorded',
    unit: 'share (0–1)',
    source: `${SEED}: continuity as presentations change. KASPR synthesis.`,
  },
  'level-rose-at-review': {
    family: 'escalation',
    title: 'Level rose at review',
    definition:
      "Of reviews (every assessment after a person's first), the share where the confirmed level was higher than at the one before.",
    numerator: 'Reviews with a higher confirmed level than the previous assessment',
    denominator: 'Assessments that follow an earlier assessment of the same person',
    unit: 'share (0–1)',
    source: `${SEED}: reduction in escalation of harm. KASPR synthesis.`,
  },
  'level-fell-at-review': {
    family: 'escalation',
    title: 'Level fell at review',
    definition: 'Of reviews, the share where the confirmed level was lower than at the one before.',
    numerator: 'Reviews with a lower confirmed level than the previous assessment',
    denominator: 'Assessments that follow an earlier assessment of the same person',
    unit: 'share (0–1)',
    source: `${SEED}: improved stability. KASPR synthesis.`,
  },
  'level-4-per-month': {
    family: 'escalation',
    title: 'Level 4 confirmations per month',
    definition:
      'How many assessments each month confirmed level 4 (urgent). Read beside the caseload that month.',
    numerator: 'Assessments confirmed at level 4 in the month',
    denominator: 'None: a count',
    unit: 'count per calendar month',
    source: `${SEED}: reduced reliance on late or crisis-led responses. KASPR synthesis.`,
  },
  'crisis-events-per-month': {
    family: 'escalation',
    title: 'Crisis events per month',
    definition:
      'How many crisis events (emergency attendances, crisis-team contacts, admissions) were recorded each month. Read beside the caseload that month.',
    numerator: 'Crisis events recorded in the month',
    denominator: 'None: a count',
    unit: 'count per calendar month',
    source: `${SEED}: reduced pressure on acute and specialist services. KASPR synthesis.`,
  },
  'change-days-used': {
    family: 'outcomes',
    title: 'Change in days used',
    definition:
      'Change in the number of days ketamine was used in the last 28, from the first assessment that asked to the latest. Negative means using on fewer days.',
    numerator: 'Sum over people of (latest − baseline) days used',
    denominator: 'People with a baseline and a later value',
    unit: 'days of 28 (mean change; median also given)',
    source: 'harm.md §6: TOP 28-day recall (Marsden 2008).',
  },
  'change-sds': {
    family: 'outcomes',
    title: 'Change in SDS',
    definition:
      'Change in the Severity of Dependence Scale total (0–15) from the first recorded to the latest. Negative means less dependence.',
    numerator: 'Sum over people of (latest − baseline) SDS total',
    denominator: 'People with a baseline and a later value',
    unit: 'points (mean change; median also given)',
    source: 'harm.md §4 SDS; §6 outcomes alongside the TOP.',
  },
  'change-phq9': {
    family: 'outcomes',
    title: 'Change in PHQ-9',
    definition:
      'Change in the PHQ-9 depression total (0–27) from the first recorded to the latest. Negative means fewer depressive symptoms.',
    numerator: 'Sum over people of (latest − baseline) PHQ-9 total',
    denominator: 'People with a baseline and a later value',
    unit: 'points (mean change; median also given)',
    source: 'Kroenke 2001; harm.md §6 outcomes alongside the TOP.',
  },
  'change-urinary-symptoms': {
    family: 'outcomes',
    title: 'Change in urinary symptoms',
    definition:
      'Change in how many of the 7 urinary checklist symptoms are present, from the first recorded to the latest. Negative means fewer symptoms. The checklist is local and not validated.',
    numerator: 'Sum over people of (latest − baseline) symptom count',
    denominator: 'People with a baseline and a later value',
    unit: 'symptoms of 7 (mean change; median also given)',
    source:
      'KASPR local urinary checklist (not validated); harm.md §6 "urinary symptom scores". KASPR synthesis.',
  },
  'phq9-response': {
    family: 'outcomes',
    title: 'PHQ-9 response',
    definition: 'The share of people whose PHQ-9 total fell by at least half from baseline to the latest.',
    numerator: 'People whose latest PHQ-9 is at most half their baseline',
    denominator: 'People with a baseline PHQ-9 above 0 and a later PHQ-9',
    unit: 'share (0–1)',
    source: "clinic.md §4 response ≥50% drop (Talati 2019), the PHQ-9 definition's own rule.",
  },
  'phq9-remission': {
    family: 'outcomes',
    title: 'PHQ-9 remission',
    definition:
      'Of people who were not already in remission at baseline, the share whose latest PHQ-9 total is below 5.',
    numerator: 'People whose latest PHQ-9 meets the remission cut-off (below 5)',
    denominator: 'People whose baseline PHQ-9 did not meet the cut-off, with a later PHQ-9',
    unit: 'share (0–1)',
    source:
      "clinic.md §4 remission <5, the PHQ-9 definition's own rule; the baseline restriction is KASPR synthesis.",
  },
};

/** Every measure definition, in the order of the seed's outcome list. */
export const measureDefinitions: readonly MeasureDefinition[] = measureIds.map((id) => ({
  id,
  ...definitions[id],
}));

/** The definition of measure `id`; the mapped type above makes every id have one. */
export function measureDefinition(id: MeasureId): MeasureDefinition {
  return { id, ...definitions[id] };
}
