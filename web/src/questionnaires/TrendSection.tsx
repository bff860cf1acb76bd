// TrendSection: "<shortTitle> trend": the chart, Response / Remission badges for the latest result, and the rules.
import { sourceText } from '../../../src/domain/core/source-text.ts';
import { useApiData } from '../api/use-api-data.ts';
import { Notice } from '../ui/Notice.tsx';
import type { InstrumentDefinition, InstrumentSummary, ResponseEntry } from './questionnaire-types.ts';
import { ruleText } from './result-text.ts';
import { TrendChart } from './TrendChart.tsx';

interface TrendSectionProps {
  instrument: InstrumentSummary;
  responses: readonly ResponseEntry[];
}

/** One instrument's trend, loading its definition for the bands and rules. */
export function TrendSection({ instrument, responses }: TrendSectionProps) {
  const def = useApiData<InstrumentDefinition>(`/instruments/${encodeURIComponent(instrument.id)}`);
  const headingId = `trend-${instrument.id}`;
  const latest = [...responses].reverse().find((r) => r.result.total !== null);
  const against = latest?.againstBaseline ?? null;
  return (
    <section className="trend-section" aria-labelledby={headingId}>
      <h4 id={headingId}>{instrument.shortTitle} trend</h4>
      {def.loading ? <p role="status">Loading the chart…</p> : null}
      {def.error ? <Notice kind="error">{def.error.detail ?? def.error.title}</Notice> : null}
      {def.data && latest ? (
        <>
          {against?.response === true || against?.remission === true ? (
            <p className="trend-badges" aria-label="Latest result against baseline">
              {against.response === true ? <span className="badge badge-ok">Response</span> : null}{' '}
              {against.remission === true ? <span className="badge badge-ok">Remission</span> : null}
            </p>
          ) : null}
          <TrendChart def={def.data} responses={responses} />
          {ruleText(def.data) ? <p className="hint">{ruleText(def.data)}</p> : null}
          <details className="trend-sources">
            <summary>Sources</summary>
            <ul>
              {def.data.bandsSource ? <li>Bands: {sourceText(def.data.bandsSource.source)}</li> : null}
              {def.data.response ? <li>Response: {sourceText(def.data.response.source)}</li> : null}
              {def.data.remission ? <li>Remission: {sourceText(def.data.remission.source)}</li> : null}
              <li>Citation: {def.data.citation}</li>
            </ul>
          </details>
        </>
      ) : null}
      {def.data && !latest ? <p>No complete {instrument.shortTitle} response to chart yet.</p> : null}
    </section>
  );
}
