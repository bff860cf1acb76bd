// Charts of the calibration measures: team kappa, each practitioner's kappa with the reference, split vignettes.
import type { ChartWithNumbers } from './chart-spec.ts';
import { percent, shareText } from './outcome-text.ts';
import type { OutcomeMeasure, ScopeNames } from './outcome-types.ts';
import { practitionerName } from './scope-names.ts';
import { kappaBars, kappaNumber } from './value-charts.ts';

type CalibrationMeasure = Extract<
  OutcomeMeasure,
  { id: 'calibration-fleiss-kappa' | 'calibration-cohen-kappa' | 'calibration-split-vignettes' }
>;

const kappaOf = (c: { ok: true; value: { kappa: number } } | { ok: false }) => (c.ok ? c.value.kappa : null);

/** Kappas on −1 to 1; vignette agreement as shares of rater pairs. Null when nothing has been rated. */
export function calibrationChart(m: CalibrationMeasure, names: ScopeNames): ChartWithNumbers | null {
  const caption = m.definition.title;
  switch (m.id) {
    case 'calibration-fleiss-kappa': {
      if (!m.value.ok) return null;
      const k = m.value.value;
      return {
        chart: {
          kind: 'bars',
          min: -1,
          max: 1,
          bars: kappaBars([['Team', k.kappa]]),
          summary: `${caption}: κ ${kappaNumber(k.kappa)}.`,
        },
        numbers: {
          caption,
          columns: ['Statistic', 'Value'],
          rows: [
            { label: 'Fleiss kappa', cells: [kappaNumber(k.kappa)] },
            { label: 'Mean agreement between pairs', cells: [percent(k.meanAgreement)] },
            { label: 'Agreement expected by chance', cells: [percent(k.chanceAgreement)] },
            { label: 'Vignettes', cells: [k.subjects] },
            { label: 'Raters per vignette', cells: [k.raters] },
          ],
        },
      };
    }
    case 'calibration-cohen-kappa': {
      if (m.value.length === 0) return null;
      const rows = m.value.map((p) => ({ name: practitionerName(names, p.practitionerId), p }));
      return {
        chart: {
          kind: 'bars',
          min: -1,
          max: 1,
          bars: kappaBars(rows.map(({ name, p }) => [name, kappaOf(p.kappaWithReference)] as const)),
          summary: `${caption}: ${rows
            .map(({ name, p }) => {
              const k = kappaOf(p.kappaWithReference);
              return `${name} ${k === null ? 'not computed' : `κ ${kappaNumber(k)}`}`;
            })
            .join('; ')}.`,
        },
        numbers: {
          caption,
          columns: [
            'Practitioner',
            'Agreeing with the reference',
            'κ with the reference',
            'κ with the rules engine',
          ],
          rows: rows.map(({ name, p }) => {
            const ref = kappaOf(p.kappaWithReference);
            const engine = kappaOf(p.kappaWithEngine);
            return {
              label: name,
              cells: [
                shareText(p.withReference) ?? '–',
                ref === null ? '–' : kappaNumber(ref),
                engine === null ? '–' : kappaNumber(engine),
              ],
            };
          }),
        },
      };
    }
    case 'calibration-split-vignettes': {
      if (m.value.length === 0) return null;
      const text = (a: number | null, splits: boolean) =>
        a === null ? 'one rater' : `${percent(a)} agree${splits ? ': splits the team' : ''}`;
      return {
        chart: {
          kind: 'bars',
          min: 0,
          max: 1,
          bars: m.value.map((v) => ({
            label: v.title,
            value: v.agreement,
            text: text(v.agreement, v.splitsTeam),
            colour: v.splitsTeam ? '#a4211b' : '#1d4a7a',
          })),
          summary: `${caption}: ${m.value.map((v) => `${v.title} ${text(v.agreement, v.splitsTeam)}`).join('; ')}.`,
        },
        numbers: {
          caption,
          columns: ['Vignette', 'Pairs of raters agreeing', 'Splits the team'],
          rows: m.value.map((v) => ({
            label: v.title,
            cells: [v.agreement === null ? '–' : percent(v.agreement), v.splitsTeam ? 'Yes' : 'No'],
          })),
        },
      };
    }
  }
}
