// Words for outcome numbers: shares as "50 % (1 of 2)" with a Wilson interval, medians as "12 days", and reasons.
import { fleissWarnings, wilsonInterval } from '../../../src/domain/outcomes/index.ts';
import { readableKappaText } from '../calibration/kappa-text.ts';
import type { ChangeFromBaseline, OutcomeMeasure, Proportion, Summary } from './outcome-types.ts';

/** What a measure's card shows: the headline number, its interval, further lines, or why there is none. */
export interface Headline {
  main: string | null;
  interval: string | null;
  details: string[];
  reason: string | null;
}

/** 1.25 → "1.3", −2 → "−2" (a true minus sign). */
export const round1 = (n: number) => String(Math.round(n * 10) / 10).replace('-', '−');

/** 0.5 → "50 %". */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** "50 % (1 of 2)", or null when the denominator is empty. */
export function shareText(p: Proportion): string | null {
  return p.value === null ? null : `${percent(p.value)} (${p.numerator} of ${p.denominator})`;
}

/** The Wilson score interval of a share, or null when it cannot be computed. */
export function wilsonOf(p: Proportion): { lower: number; upper: number } | null {
  if (p.value === null) return null;
  const ci = wilsonInterval(p.numerator, p.denominator);
  return ci.ok ? ci.value : null;
}

/** "9 % to 91 %". */
export function rangeText(ci: { lower: number; upper: number }): string {
  return `${percent(ci.lower)} to ${percent(ci.upper)}`;
}

/** "95 % interval 9 % to 91 %" (Wilson score interval), or null when it cannot be computed. */
export function wilsonText(p: Proportion): string | null {
  const ci = wilsonOf(p);
  return ci ? `95 % interval ${rangeText(ci)}` : null;
}

/** "12 days" (median), or null. */
export function medianText(s: Summary, unit: string): string | null {
  return s.median === null ? null : `${round1(s.median)} ${unit}`;
}

/** "1 person", "2 people". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function share(p: Proportion, details: string[] = []): Headline {
  return { main: shareText(p), interval: wilsonText(p), details, reason: p.reason?.text ?? null };
}

function summary(s: Summary, unit: string, what: [string, string], details: string[] = []): Headline {
  const mean = s.mean === null ? [] : [`Mean ${round1(s.mean)} ${unit}; ${count(s.n, ...what)}.`];
  const median = medianText(s, unit);
  return {
    main: median === null ? null : `${median} (median)`,
    interval: null,
    details: [...mean, ...details],
    reason: s.reason?.text ?? null,
  };
}

function change(c: ChangeFromBaseline, unit: string): Headline {
  const s = c.change;
  return {
    main: s.mean === null ? null : `${round1(s.mean)} ${unit} (mean change)`,
    interval: null,
    details: [
      ...(s.median === null
        ? []
        : [`Median ${round1(s.median)} ${unit}; ${count(s.n, 'person', 'people')}.`]),
      ...(c.baselineMean !== null && c.latestMean !== null
        ? [`Mean ${round1(c.baselineMean)} at baseline, ${round1(c.latestMean)} at the latest.`]
        : []),
      `${c.withoutFollowUp} without a follow-up.`,
    ],
    reason: s.reason?.text ?? null,
  };
}

const plain = (main: string, details: string[] = []): Headline => ({
  main,
  interval: null,
  details,
  reason: null,
});

const line = (label: string, p: Proportion) => `${label}: ${shareText(p) ?? 'none to count'}`;

/** The headline of one measure, by its id. */
export function headlineOf(m: OutcomeMeasure): Headline {
  switch (m.id) {
    case 'days-to-first-sentinel':
      return summary(m.value, 'days', ['person', 'people']);
    case 'contact-gap':
      return summary(m.value, 'days', ['gap', 'gaps']);
    case 'time-in-treatment':
      return summary(
        m.value.days,
        'days',
        ['person', 'people'],
        [`${m.value.stillOpen} still in treatment.`],
      );
    case 'change-days-used':
      return change(m.value, 'days');
    case 'change-sds':
    case 'change-phq9':
      return change(m.value, 'points');
    case 'change-urinary-symptoms':
      return change(m.value, 'symptoms');
    case 'sentinel-at-first-assessment':
    case 'attended-of-booked':
    case 'did-not-attend-rate':
    case 'reviews-on-time':
    case 'same-key-worker':
    case 'phq9-response':
    case 'phq9-remission':
      return share(m.value);
    case 'referral-within-target':
      return share(m.value.withinTarget, [`${m.value.pending} still within their target time.`]);
    case 'override-rate':
      return share(m.value.overall, [
        `${count(m.value.byPractitioner.length, 'practitioner', 'practitioners')}, ${count(m.value.byTeam.length, 'team', 'teams')}.`,
      ]);
    case 'care-plan-matches-level':
      return share(m.value.overall, [
        ...m.value.byLevel.map((g) => line(`Level ${g.key}`, g.result)),
        ...m.value.missing.map((x) => `Missing "${x.intervention}" from ${x.plans} plans.`),
      ]);
    case 'level-spread':
      return share(m.value.pooled.differingFromProposal, [
        `${count(m.value.pooled.assessments, 'assessment', 'assessments')}.`,
        line('Pairs disagreeing', m.value.pooled.pairsDisagreeing),
      ]);
    case 'level-rose-at-review':
      return share(m.value.rose, [
        `${count(m.value.reviews, 'review', 'reviews')}.`,
        line('Fell', m.value.fell),
        line('Unchanged', m.value.unchanged),
      ]);
    case 'level-fell-at-review':
      return share(m.value.fell, [
        `${count(m.value.reviews, 'review', 'reviews')}.`,
        line('Rose', m.value.rose),
        line('Unchanged', m.value.unchanged),
      ]);
    case 'first-level-by-month':
      return plain(
        `${count(
          m.value.reduce((n, month) => n + month.people, 0),
          'person',
          'people',
        )} first assessed`,
      );
    case 'identification-funnel':
      return plain(`${count(m.value.interventionDelivered, 'person', 'people')} reached an intervention`, [
        `Of ${count(m.value.inContact, 'person', 'people')} in contact.`,
      ]);
    case 'level-4-per-month':
      return plain(
        count(
          m.value.reduce((n, month) => n + month.level4Assessments, 0),
          'level 4 confirmation',
          'level 4 confirmations',
        ),
      );
    case 'crisis-events-per-month':
      return plain(
        count(
          m.value.reduce((n, month) => n + month.crisisEvents, 0),
          'crisis event',
          'crisis events',
        ),
      );
    case 'calibration-fleiss-kappa': {
      // Too few vignettes or raters, or nothing matching: the number is marked, and the reasons listed.
      const warnings = fleissWarnings(m.value);
      return m.value.ok
        ? plain(readableKappaText(m.value, warnings), [
            `${count(m.value.value.subjects, 'vignette', 'vignettes')}, ${count(m.value.value.raters, 'rater', 'raters')} each.`,
            ...warnings.map((w) => w.text),
          ])
        : { main: null, interval: null, details: [], reason: m.value.reason.text };
    }
    case 'calibration-cohen-kappa': {
      const thin = m.value.filter((p) => p.kappaWithReference.ok && p.warningsWithReference.length > 0);
      return m.value.length === 0
        ? { main: null, interval: null, details: [], reason: 'No practitioner has rated a vignette yet.' }
        : plain(
            count(m.value.length, 'practitioner rated', 'practitioners rated'),
            thin.length > 0
              ? [
                  `${count(thin.length, 'practitioner’s kappa', 'practitioners’ kappas')} with the reference not interpretable: too few vignettes rated or none matching.`,
                ]
              : [],
          );
    }
    case 'calibration-split-vignettes': {
      const splits = m.value.filter((v) => v.splitsTeam).length;
      return m.value.length === 0
        ? { main: null, interval: null, details: [], reason: 'No vignette has been rated yet.' }
        : plain(count(splits, 'vignette splits the team', 'vignettes split the team'), [
            `Of ${count(m.value.length, 'vignette', 'vignettes')} rated.`,
          ]);
    }
  }
}
