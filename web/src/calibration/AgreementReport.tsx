// AgreementReport: team agreement (Fleiss), each practitioner against reference and engine (Cohen), and splits.
import { useApiData } from '../api/use-api-data.ts';
import { percent, shareText } from '../outcomes/outcome-text.ts';
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { Loaded } from '../ui/Loaded.tsx';
import { Notice } from '../ui/Notice.tsx';
import type { CalibrationReportView, MeasureDefinition } from './calibration-types.ts';
import { readableKappaText } from './kappa-text.ts';

const LEVELS = [1, 2, 3, 4] as const;

function Definition({ def }: { def: MeasureDefinition | undefined }) {
  if (!def) return null;
  return (
    <details className="trend-sources">
      <summary>What this measures</summary>
      <p>{def.definition}</p>
      <p>Source: {def.source}</p>
    </details>
  );
}

type PractitionerRow = CalibrationReportView['perPractitioner'][number];
type VignetteRow = CalibrationReportView['vignettes'][number];

type Kappa = PractitionerRow['vsReference'];
type Warnings = PractitionerRow['vsReferenceWarnings'];

/** A kappa cell: the number, and when it is not interpretable, why, beneath it. */
function KappaCell({ kappa, warnings }: { kappa: Kappa; warnings: Warnings }) {
  return (
    <>
      {readableKappaText(kappa, warnings)}
      {kappa.ok && warnings.length > 0 ? (
        <span className="kappa-warning">{warnings.map((w) => w.text).join(' ')}</span>
      ) : null}
    </>
  );
}

const PRACTITIONER_COLUMNS: readonly Column<PractitionerRow>[] = [
  { header: 'Practitioner', rowHeader: true, cell: (p) => p.displayName ?? 'Former member of staff' },
  { header: 'Same level as reference', cell: (p) => shareText(p.withReference) ?? 'No ratings' },
  {
    header: 'Cohen’s kappa vs reference',
    cell: (p) => <KappaCell kappa={p.vsReference} warnings={p.vsReferenceWarnings} />,
  },
  {
    header: 'Cohen’s kappa vs engine',
    cell: (p) => <KappaCell kappa={p.vsEngine} warnings={p.vsEngineWarnings} />,
  },
];

const VIGNETTE_COLUMNS: readonly Column<VignetteRow>[] = [
  {
    header: 'Vignette',
    rowHeader: true,
    cell: (v) => (
      <>
        {v.title ?? 'Untitled'}{' '}
        {v.splitsTeam ? <span className="badge badge-danger">Splits the team</span> : null}
      </>
    ),
  },
  ...LEVELS.map((l) => ({ header: `Level ${l}`, cell: (v: VignetteRow) => v.counts[l] })),
  { header: 'Reference', cell: (v) => v.referenceLevel },
  { header: 'Engine', cell: (v) => v.engineLevel ?? '—' },
  {
    header: 'Agreement',
    cell: (v) => (
      <>
        {v.agreement === null ? 'Needs 2 raters' : percent(v.agreement)}{' '}
        <span className="muted">
          ({v.raters} {v.raters === 1 ? 'rater' : 'raters'})
        </span>
      </>
    ),
  },
];

/** The h2 "Agreement report" and its three parts, for supervisors. */
export function AgreementReport() {
  const report = useApiData<CalibrationReportView>('/calibration/report');
  const def = (id: MeasureDefinition['id']) => report.data?.definitions.find((d) => d.id === id);
  return (
    <section aria-labelledby="agreement-heading" className="panel">
      <h2 id="agreement-heading">Agreement report</h2>
      <Loaded data={report} loading="Loading the agreement report…">
        {(data) => (
          <>
            <h3>Team agreement</h3>
            <p
              className={
                data.fleiss.ok && data.warnings.length === 0 ? 'outcome-headline' : 'outcome-missing'
              }
            >
              Fleiss’ kappa: {readableKappaText(data.fleiss, data.warnings)}
              {data.fleiss.ok ? (
                <span className="muted">
                  {' '}
                  — {data.fleiss.value.subjects} vignettes, {data.fleiss.value.raters} raters each
                </span>
              ) : null}
            </p>
            {data.fleiss.ok && data.warnings.length > 0 ? (
              <Notice kind="warning">
                <p>Read this kappa with care:</p>
                <ul className="kappa-warnings">
                  {data.warnings.map((w) => (
                    <li key={w.code}>{w.text}</li>
                  ))}
                </ul>
              </Notice>
            ) : null}
            <Definition def={def('calibration-fleiss-kappa')} />

            <h3>Each practitioner</h3>
            <DataTable
              columns={PRACTITIONER_COLUMNS}
              rows={data.perPractitioner}
              rowKey={(p) => p.raterId}
              className="data-table compact"
              empty="No ratings yet."
            />
            <Definition def={def('calibration-cohen-kappa')} />

            <h3>Vignettes, least agreement first</h3>
            <DataTable
              columns={VIGNETTE_COLUMNS}
              rows={data.vignettes}
              rowKey={(v) => v.id}
              className="data-table compact"
              empty="No vignette has been rated yet."
            />
            <Definition def={def('calibration-split-vignettes')} />
            {data.unrated.length > 0 ? (
              <p className="muted">Not yet rated: {data.unrated.map((u) => u.title).join('; ')}.</p>
            ) : null}
          </>
        )}
      </Loaded>
    </section>
  );
}
