// The onward-referral destinations and crisis-event kinds the alignment and escalation measures count, as data.

/** Where a person is referred on to, with the target time a service may set by default. */
export interface ReferralDestination {
  readonly id: string;
  readonly label: string;
  /** Days from decision to referral a service may prefill; null when no published pathway sets one. */
  readonly defaultTargetDays: number | null;
  readonly source: string;
}

export const referralDestinations: readonly ReferralDestination[] = [
  {
    id: 'urology',
    label: 'Urology',
    defaultTargetDays: 14,
    source:
      'harm.md §2.2 and §5.3: a direct two-week referral pathway to urology (BJPsych Open 2025, interdisciplinary model).',
  },
  {
    id: 'gp',
    label: 'GP (primary care)',
    defaultTargetDays: null,
    source: 'KASPR synthesis: set by the service.',
  },
  {
    id: 'mental-health',
    label: 'Mental health service',
    defaultTargetDays: null,
    source: 'KASPR synthesis: set by the service.',
  },
  {
    id: 'hepatology',
    label: 'Hepatology / gastroenterology',
    defaultTargetDays: null,
    source: 'KASPR synthesis: set by the service.',
  },
  {
    id: 'specialist-treatment',
    label: 'Specialist substance-use treatment',
    defaultTargetDays: null,
    source: 'KASPR synthesis: set by the service.',
  },
  { id: 'other', label: 'Other', defaultTargetDays: null, source: 'KASPR synthesis: set by the service.' },
];

/** A kind of crisis event (measure `crisis-events-per-month`). */
export interface CrisisKind {
  readonly id: string;
  readonly label: string;
}

export const crisisKinds: readonly CrisisKind[] = [
  { id: 'emergency-attendance', label: 'Emergency department attendance' },
  { id: 'crisis-team-contact', label: 'Crisis team contact' },
  { id: 'admission', label: 'Hospital admission' },
  { id: 'ambulance', label: 'Ambulance call-out' },
  { id: 'other', label: 'Other crisis response' },
];

export const referralDestinationIds = referralDestinations.map((d) => d.id);
export const crisisKindIds = crisisKinds.map((k) => k.id);
