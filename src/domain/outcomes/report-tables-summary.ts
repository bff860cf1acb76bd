// The summary table: one row per measure with its headline value and the counts it rests on.
import { measureDefinition, type MeasureId } from './definitions.ts';
import type { EscalationMonth } from './escalation.ts';
import { fleissWarnings } from './kappa-interpretability.ts';
import { CI, count, decimal, text, type Context, type Draft } from './report-tables-cells.ts';
import type { TableCell } from './report-tables-model.ts';
import { sum } from './report-tables-publisher.ts';
import type { Proportion, Summary } from './results.ts';

type Headline =
  | { readonly kind: 'share'; readonly statistic: string; readonly p: Proportion }
  | {
      readonly kind: 'statistic';
      readonly statistic: string;
      readonly value: number | null;
      readonly n: number;
      readonly digits: number;
      readonly reason: string | null;
    }
  | { readonly kind: 'count'; readonly statistic: string; readonly count: number };

const shareOf = (statistic: string, p: Proportion): Headline => ({ kind: 'share', statistic, p });
const statistic = (
  name: string,
  value: number | null,
  n: number,
  digits: number,
  reason: string | null,
): Headline => ({
  kind: 'statistic',
  statistic: name,
  value,
  n,
  digits,
  reason,
});
const median = (s: Summary): Headline => statistic('median', s.median, s.n, 1, s.reason?.text ?? null);
const pooled = (parts: readonly Proportion[], what: string): Proportion => {
  const numerator = sum(parts.map((p) => p.numerator));
  const denominator = sum(parts.map((p) => p.denominator));
  return {
    numerator,
    denominator,
    value: denominator === 0 ? null : numerator / denominator,
    reason: denominator === 0 ? { code: 'empty-denominator', text: `No ${what} in the data.` } : null,
  };
};

/** The one number a measure is read by, with the counts it rests on. */
function headlineOf(ctx: Context, id: MeasureId): Headline | undefined {
  const v = ctx.value;
  switch (id) {
    case 'days-to-first-sentinel':
    case 'contact-gap': {
      const s = v(id);
      return s && median(s);
    }
    case 'time-in-treatment': {
      const t = v(id);
      return t && median(t.days);
    }
    case 'sentinel-at-first-assessment':
    case 'attended-of-booked':
    case 'did-not-attend-rate':
    case 'reviews-on-time':
    case 'same-key-worker':
    case 'phq9-response':
    case 'phq9-remission': {
      const p = v(id);
      return p && shareOf('share', p);
    }
    case 'first-level-by-month': {
      const months = v(id) ?? [];
      const people = sum(months.map((m) => m.people));
      const levels = sum(months.map((m) => (m.meanLevel ?? 0) * m.people));
      return {
        kind: 'statistic',
        statistic: 'mean level at first assessment',
        value: people === 0 ? null : levels / people,
        n: people,
        digits: 2,
        reason: people === 0 ? 'No one was first assessed in the period.' : null,
      };
    }
    case 'identification-funnel': {
      const f = v(id);
      return (
        f &&
        shareOf('share of people in contact with an intervention delivered', {
          numerator: f.interventionDelivered,
          denominator: f.inContact,
          value: f.inContact === 0 ? null : f.interventionDelivered / f.inContact,
          reason:
            f.inContact === 0
              ? { code: 'empty-denominator', text: 'No one in contact in the period.' }
              : null,
        })
      );
    }
    case 'override-rate':
    case 'care-plan-matches-level': {
      const o = v(id);
      return o && shareOf('share', o.overall);
    }
    case 'level-spread': {
      const s = v(id);
      return s && shareOf('share confirmed at another level than proposed', s.pooled.differingFromProposal);
    }
    case 'referral-within-target': {
      const r = v(id);
      return r && shareOf('share', r.withinTarget);
    }
    case 'level-rose-at-review':
    case 'level-fell-at-review': {
      const c = v(id);
      return c && shareOf('share of reviews', id === 'level-rose-at-review' ? c.rose : c.fell);
    }
    case 'level-4-per-month':
    case 'crisis-events-per-month': {
      const months = v(id) ?? [];
      const of = (m: EscalationMonth) => (id === 'level-4-per-month' ? m.level4Assessments : m.crisisEvents);
      return { kind: 'count', statistic: 'total in the period', count: sum(months.map(of)) };
    }
    case 'change-days-used':
    case 'change-sds':
    case 'change-phq9':
    case 'change-urinary-symptoms': {
      const c = v(id);
      return c && statistic('mean change', c.change.mean, c.change.n, 1, c.change.reason?.text ?? null);
    }
    case 'calibration-fleiss-kappa': {
      const k = v(id);
      if (k === undefined) return undefined;
      return {
        kind: 'statistic',
        statistic: 'Fleiss kappa',
        value: k.ok ? k.value.kappa : null,
        // The people behind the number are the raters.
        n: k.ok ? k.value.raters : 0,
        digits: 3,
        // A kappa on too few vignettes or raters says so beside the number (kappa-interpretability.ts).
        reason: k.ok
          ? fleissWarnings(k)
              .map((w) => w.text)
              .join(' ') || null
          : k.reason.text,
      };
    }
    case 'calibration-cohen-kappa': {
      const list = v(id);
      return (
        list &&
        shareOf(
          'share of ratings matching the reference',
          pooled(
            list.map((p) => p.withReference),
            'ratings',
          ),
        )
      );
    }
    case 'calibration-split-vignettes': {
      const rated = (v(id) ?? []).filter((x) => x.agreement !== null);
      const splits = rated.filter((x) => x.splitsTeam).map(() => 1);
      return shareOf(
        'share of vignettes that split the team',
        pooled(
          [{ numerator: sum(splits), denominator: rated.length, value: null, reason: null }],
          'vignettes rated by two or more',
        ),
      );
    }
  }
}

/** Every measure in the report: its headline value and the counts it rests on. */
export function summaryTable(ctx: Context): Draft {
  const { publish } = ctx;
  const rows = ctx.input.measures.map(({ id }): TableCell[] => {
    const d = measureDefinition(id);
    const head = headlineOf(ctx, id);
    const start = [id, d.title, d.family];
    if (head === undefined)
      return [...start, null, null, null, null, null, null, null, d.unit, 'Not in the report.'];
    if (head.kind === 'share') {
      // Counts of symptoms, appointments or reviews carry the people behind them; suppression counts people.
      const { numerator: num, denominator: den, reason, people } = head.p;
      return [
        ...start,
        head.statistic,
        publish.share(num, den, false, people),
        publish.count(num, people?.numerator),
        publish.count(den, people?.denominator),
        null,
        ...publish.interval(num, den, false, people),
        d.unit,
        reason?.text ?? null,
      ];
    }
    if (head.kind === 'count')
      return [
        ...start,
        head.statistic,
        publish.count(head.count),
        null,
        null,
        null,
        null,
        null,
        d.unit,
        null,
      ];
    return [
      ...start,
      head.statistic,
      publish.statistic(head.value, head.n, head.digits),
      null,
      null,
      publish.count(head.n),
      null,
      null,
      d.unit,
      head.reason,
    ];
  });
  return {
    id: 'summary',
    title: 'Every measure: headline value and the counts it rests on',
    measureIds: ctx.input.measures.map((m) => m.id),
    columns: [
      text('measure', 'Measure id'),
      text('title', 'Measure'),
      text('family', 'Family'),
      text('statistic', 'Statistic'),
      decimal('value', 'Value'),
      count('numerator', 'Numerator'),
      count('denominator', 'Denominator'),
      count('n', 'n'),
      ...CI,
      text('unit', 'Unit'),
      text('note', 'Note'),
    ],
    rows,
  };
}
