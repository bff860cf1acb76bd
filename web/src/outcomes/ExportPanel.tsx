// ExportPanel: who the exports are for, a CSV of every report table, the PDF report, and the TOP-compatible CSV.
import { RadioGroup } from '../ui/RadioGroup.tsx';
import { useState } from 'react';
import { useApiData } from '../api/use-api-data.ts';
import {
  reportPdfHref,
  tableCsvHref,
  tablesPath,
  topCsvHref,
  type Audience,
  type OutcomeQuery,
} from './outcome-query.ts';

/** GET /reports/service-outcomes/tables: the tables the exports hold, with the note on suppression. */
interface ReportTables {
  audience: Audience;
  note: string;
  tables: { id: string; title: string }[];
}

const AUDIENCES: readonly { value: Audience; label: string }[] = [
  { value: 'external', label: 'Outside the team — counts under 5 suppressed' },
  { value: 'team', label: 'Within the team — every count shown' },
];

/** Outside the team by default, so a file meant for a board never carries a count that could identify someone. */
export function ExportPanel({ query }: { query: OutcomeQuery }) {
  const [audience, setAudience] = useState<Audience>('external');
  // Listing the tables computes the report again on the server, so it waits until someone asks for them.
  const [listed, setListed] = useState(false);
  const tables = useApiData<ReportTables>(listed ? tablesPath(query, audience) : null);
  return (
    <section aria-labelledby="outcome-exports" className="subsection outcome-exports">
      <h2 id="outcome-exports">Exports</h2>
      <RadioGroup
        legend="Who is the export for?"
        name="export-audience"
        options={AUDIENCES}
        value={audience}
        onValue={setAudience}
      />
      <ul className="outcome-downloads">
        <li>
          <a href={reportPdfHref(query, audience)} download>
            PDF report for a board or commissioner
          </a>
        </li>
        <li>
          <a href={topCsvHref(query)} download>
            TOP-compatible CSV
          </a>{' '}
          <span className="muted">
            (one row per assessment with date of birth: personal data for the team&apos;s own returns, never
            suppressed)
          </span>
        </li>
      </ul>
      <h3>CSV of each table</h3>
      <button
        type="button"
        className="button-secondary button-small"
        aria-expanded={listed}
        onClick={() => setListed((l) => !l)}
      >
        {listed ? 'Hide the tables' : 'List the tables to download'}
      </button>
      {!listed ? null : tables.data ? (
        <>
          <p className="muted">{tables.data.note}</p>
          <ul className="outcome-downloads">
            {tables.data.tables.map((t) => (
              <li key={t.id}>
                <a href={tableCsvHref(query, t.id, audience)} download>
                  {t.title} (CSV)
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : tables.loading || !tables.error ? (
        <p className="muted">Finding the tables…</p>
      ) : (
        <p className="muted">The table exports could not be listed: {tables.error.title}.</p>
      )}
    </section>
  );
}
