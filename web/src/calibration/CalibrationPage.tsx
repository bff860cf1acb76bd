// CalibrationPage: vignettes to rate independently; supervisors also write vignettes and read the agreement report.
import { useState } from 'react';
import { useApiData } from '../api/use-api-data.ts';
import type { ContentPack } from '../harm/harm-types.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useSession, useSignedIn } from '../session/session-context.ts';
import { Notice } from '../ui/Notice.tsx';
import { AgreementReport } from './AgreementReport.tsx';
import type { VignetteView } from './calibration-types.ts';
import { StarterVignettes } from './StarterVignettes.tsx';
import { VignetteCard } from './VignetteCard.tsx';
import { VignetteForm } from './VignetteForm.tsx';

/** /calibration. */
export function CalibrationPage() {
  usePageTitle('Calibration vignettes');
  const { can } = useSession();
  const { user } = useSignedIn();
  const supervisor = can('supervision');
  const list = useApiData<{ vignettes: VignetteView[] }>('/calibration/vignettes');
  const pack = useApiData<ContentPack>('/harm/content-pack');
  const levels = pack.data?.levels ?? [];
  const [saved, setSaved] = useState<string | null>(null);
  // The report is remounted after a new vignette, so it lists it among the unrated.
  const [reportKey, setReportKey] = useState(0);
  const vignettes = list.data?.vignettes ?? [];
  const error = list.error ?? pack.error;

  return (
    <>
      <h1>Calibration vignettes</h1>
      <p className="calibration-intro">
        Rate independently: you will not see the reference or colleagues&rsquo; ratings.
      </p>
      {error ? <Notice kind="error">{error.detail ?? error.title}</Notice> : null}
      {(list.loading || pack.loading) && !list.data ? <p role="status">Loading the vignettes…</p> : null}
      <section aria-labelledby="vignettes-heading">
        <h2 id="vignettes-heading">Vignettes</h2>
        {list.data && vignettes.length === 0 ? <p className="muted">No vignettes yet.</p> : null}
        {pack.data
          ? vignettes.map((v) => (
              <VignetteCard key={v.id} vignette={v} levels={levels} onRated={list.reload} />
            ))
          : null}
      </section>
      {supervisor ? (
        <>
          <section aria-labelledby="write-vignette-heading" className="panel">
            <h2 id="write-vignette-heading">Write a vignette</h2>
            {saved ? <Notice kind="success">Vignette saved: {saved}.</Notice> : null}
            {pack.data ? (
              <VignetteForm
                levels={levels}
                services={user.services}
                onSaved={(title) => {
                  setSaved(title);
                  list.reload();
                  setReportKey((k) => k + 1);
                }}
              />
            ) : null}
          </section>
          <StarterVignettes
            services={user.services}
            onAdded={() => {
              list.reload();
              setReportKey((k) => k + 1);
            }}
          />
          <AgreementReport key={reportKey} />
        </>
      ) : null}
    </>
  );
}
