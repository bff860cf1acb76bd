// AgreementReport: team agreement (Fleiss), each practitioner against reference and engine (Cohen), and splits.
import { useApiData } from '../api/use-api-data.ts';
import { percent, shareText } from '../outcomes/outcome-text.ts';
import { Notice } from '../ui/Notice.tsx';
import type { CalibrationReportView, MeasureDefinition } from './calibration-types.ts';
import { computedKappaText } from './kappa-text.ts';

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

/** The h2 "Agreement report" and its three parts, for supervisors. */
export function AgreementReport() {
  const report = useApiData<CalibrationReportView>('/calibration/report');
  const data = report.data;
  const def = (id: MeasureDefinition['id']) => data?.definitions.find((d) => d.id === id);
  return (
    <section aria-labelledby="agreement-heading" className="panel">
      <h2 id="agreement-heading">Agreement report</h2>
      {report.error ? <Notice kind="error">{report.error.detail ?? report.error.title}</Notice> : null}
      {report.loading && !data ? <p role="status">Loading the agreement report…</p> : null}
      {data ? (
        <>
          <h3>Team agreement</h3>
          <p className={data.fleiss.ok ? 'outcome-headline' : 'outcome-missing'}>
            Fleiss’ kappa: {computedKappaText(data.fleiss)}
            {data.fleiss.ok ? (
              <span className="muted">
                {' '}
                — {data.fleiss.value.subjects} vignettes, {data.fleiss.value.raters} raters each
              </span>
            ) : null}
          </p>
          <Definition def={def('calibration-fleiss-kappa')} />

          <h3>Each practitioner</h3>
          {data.perPractitioner.length === 0 ? <p className="muted">No ratings yet.</p> : null}
          {data.perPractitioner.length > 0 ? (
            <div className="table-wrap">
              <table className="data-table compact">
                <thead>
                  <tr>
                    <th scope="col">Practitioner</th>
                    <th scope="col">Same level as reference</th>
                    <th scope="col">Cohen’s kappa vs reference</th>
                    <th scope="col">Cohen’s kappa vs engine</th>
                  </tr>
                </thead>
                <tbody>
                  {data.perPractitioner.map((p) => (
                    <tr key={p.raterId}>
                      <th scope="row">{p.displayName ?? 'Former member of staff'}</th>
                      <td>{shareText(p.withReference) ?? 'No ratings'}</td>
                      <td>{computedKappaText(p.vsReference)}</td>
                      <td>{computedKappaText(p.vsEngine)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <Definition def={def('calibration-cohen-kappa')} />

          <h3>Vignettes, least agreement first</h3>
          {data.vignettes.length === 0 ? <p className="muted">No vignette has been rated yet.</p> : null}
          {data.vignettes.length > 0 ? (
            <div className="table-wrap">
              <table className="data-table compact">
                <thead>
                  <tr>
                    <th scope="col">Vignette</th>
                    {LEVELS.map((l) => (
                      <th key={l} scope="col">
                        Level {l}
                      </th>
                    ))}
                    <th scope="col">Reference</th>
                    <th scope="col">Engine</th>
                    <th scope="col">Agreement</th>
                  </tr>
                </thead>
                <tbody>
                  {data.vignettes.map((v) => (
                    <tr key={v.id}>
                      <th scope="row">
                        {v.title ?? 'Untitled'}{' '}
                        {v.splitsTeam ? <span className="badge badge-danger">Splits the team</span> : null}
                      </th>
                      {LEVELS.map((l) => (
                        <td key={l}>{v.counts[l]}</td>
                      ))}
                      <td>{v.referenceLevel}</td>
                      <td>{v.engineLevel ?? '—'}</td>
                      <td>
                        {v.agreement === null ? 'Needs 2 raters' : percent(v.agreement)}{' '}
                        <span className="muted">
                          ({v.raters} {v.raters === 1 ? 'rater' : 'raters'})
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <Definition def={def('calibration-split-vignettes')} />
          {data.unrated.length > 0 ? (
            <p className="muted">Not yet rated: {data.unrated.map((u) => u.title).join('; ')}.</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
