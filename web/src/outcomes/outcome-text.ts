// Words for outcome numbers: shares as "50 % (1 of 2)" with a Wilson interval, medians as "12 days", and reasons.
import { wilsonInterval } from '../../../src/domain/outcomes/index.ts';
import type { OutcomeMeasure, Proportion, Summary } from './outcome-types.ts';

/** What a measure's card shows: the headline number, its interval, further lines, or why there is none. */
export interface Headline {
  main: string | null;
  interval: string | null;
  details: string[];
  reason: string | null;
}

const round1 = (n: number) => String(Math.round(n * 10) / 10).replace('-', '−');

/** 0.5 → "50 %". */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** "50 % (1 of 2)", or null when the denominator is empty. */
export function shareText(p: Proportion): string | null {
  return p.value === null ? null : `${percent(p.value)} (${p.numerator} of ${p.denominator})`;
}

/** "95 % interval 9 % to 91 %" (Wilson score interval), or null when it cannot be computed. */
export function wilsonText(p: Proportion): string | null {
  if (p.value === null) return null;
  const ci = wilsonInterval(p.numerator, p.denominator);
  return ci.ok ? `95 % interval ${percent(ci.value.lower)} to ${percent(ci.value.upper)}` : null;
}

/** "12 days" (median), or null. */
export function medianText(s: Summary, unit: string): string | null {
  return s.median === null ? null : `${round1(s.median)} ${unit}`;
}

function share(p: Proportion, details: string[] = []): Headline {
  return { main: shareText(p), interval: wilsonText(p), details, reason: p.reason?.text ?? null };
}

function summary(s: Summary, unit: string, what: [string, string], details: string[] = []): Headline {
  const mean = s.mean === null ? [] : [`Mean ${round1(s.mean)} ${unit}; ${count(s.n, ...what)}.`];
  return {
    main: medianText(s, unit) === null ? null : `${medianText(s, unit) ?? ''} (median)`,
    interval: null,
    details: [...mean, ...details],
    reason: s.reason?.text ?? null,
  };
}

/** "1 person", "2 people". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

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
    case 'change-sds':
    case 'change-phq9': {
      const c = m.value;
      const unit = m.id === 'change-days-used' ? 'days' : 'points';
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
    case 'sentinel-at-first-assessment':
    case 'attended-of-booked':
    case 'did-not-attend-rate':
    case 'reviews-on-time':
    case 'same-key-worker':
      return share(m.value);
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
    case 'phq9-response':
      return share(m.value.response, [line('Remission', m.value.remission)]);
    case 'first-level-by-month': {
      const people = m.value.reduce((n, month) => n + month.people, 0);
      return {
        main: `${count(people, 'person', 'people')} first assessed`,
        interval: null,
        details: [],
        reason: null,
      };
    }
    case 'level-4-per-month': {
      const total = m.value.reduce((n, month) => n + month.level4Assessments, 0);
      return {
        main: count(total, 'level 4 confirmation', 'level 4 confirmations'),
        interval: null,
        details: [],
        reason: null,
      };
    }
  }
}
