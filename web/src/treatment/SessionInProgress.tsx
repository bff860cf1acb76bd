// SessionInProgress: one dosing session: administration, vitals flowsheet, observations and discharge while it is
// open; the same record, read-only, with its discharge once it is past; "not found" for another patient's or none.
import { useEffect, useRef } from 'react';
import { useApiData } from '../api/use-api-data.ts';
import { formatDateTime } from '../ui/format.ts';
import { Notice } from '../ui/Notice.tsx';
import { AdministrationPanel } from './AdministrationPanel.tsx';
import { DischargeForm } from './DischargeForm.tsx';
import { deliveryLine, doseLine } from './dose-text.ts';
import { ObservationsPanel } from './ObservationsPanel.tsx';
import { SETTING_LABELS, protocolIdOf } from './treatment-labels.ts';
import type { Discharged, Protocol, ProtocolSummary, SessionDetail } from './treatment-types.ts';
import { VitalsPanel } from './VitalsPanel.tsx';

interface SessionInProgressProps {
  /** The chart's patient: a session of anyone else is not shown. */
  patientId: string;
  sessionId: string;
  protocols: readonly ProtocolSummary[];
  canWrite: boolean;
  /** Take focus when shown, right after the session was started here. */
  focusOnOpen: boolean;
  onDischarged: (result: Discharged) => void;
}

/** Refusals that mean "no such session for you": unknown, malformed, or outside the user's services. */
const NOT_FOUND = new Set([400, 403, 404, 422]);

/** "Session in progress" or "Past session" (h4) and its parts (h5), reloading the session after every record. */
export function SessionInProgress({
  patientId,
  sessionId,
  protocols,
  canWrite,
  focusOnOpen,
  onDischarged,
}: SessionInProgressProps) {
  const detail = useApiData<SessionDetail>(`/treatment-sessions/${encodeURIComponent(sessionId)}`);
  const ref = detail.data?.protocol ?? null;
  const protocol = useApiData<Protocol>(ref ? `/protocols/${encodeURIComponent(protocolIdOf(ref))}` : null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, [focusOnOpen]);

  const s = detail.data;
  if ((detail.error && NOT_FOUND.has(detail.error.status)) || (s && s.patientId !== patientId)) {
    return (
      <div className="treatment-part">
        <h4>Session not found</h4>
        <Notice kind="error">This patient has no dosing session at this address.</Notice>
      </div>
    );
  }
  const past = s?.discharge ?? null;
  const writable = canWrite && !past;
  const title = protocols.find((p) => p.ref === ref)?.title ?? ref ?? '';
  const delivery = s ? deliveryLine(s.dose) : null;
  // Thresholds are drawn from the protocol as shipped now; say so when the session ran under another version.
  const versionNote =
    protocol.data && ref && `${protocol.data.id}@${protocol.data.version}` !== ref
      ? `Alert lines are from ${protocol.data.id}@${protocol.data.version}; this session runs under ${ref}.`
      : null;
  return (
    <div className="treatment-part session-in-progress">
      <h4 ref={heading} tabIndex={-1} className="focus-target">
        {!s ? 'Dosing session' : past ? 'Past session' : 'Session in progress'}
      </h4>
      {detail.error ? <Notice kind="error">{detail.error.detail ?? detail.error.title}</Notice> : null}
      {detail.loading && !s ? <p role="status">Loading the session…</p> : null}
      {s ? (
        <>
          <p className="session-facts">
            {title} · {SETTING_LABELS[s.setting]} · started {formatDateTime(s.startedAt)}
          </p>
          <p>
            Planned: {doseLine(s.dose)}
            {delivery ? `; ${delivery}` : ''}.
          </p>
          {past ? (
            <p>
              Discharged {formatDateTime(past.dischargedAt)}
              {past.noDrivingUntil ? `; no driving before ${formatDateTime(past.noDrivingUntil)}` : ''}.{' '}
              <a href={past.pdfPath} target="_blank" rel="noreferrer">
                Discharge summary (PDF)
              </a>
            </p>
          ) : null}
          {versionNote ? <p className="hint">{versionNote}</p> : null}
          <AdministrationPanel session={s} canWrite={writable} onChanged={detail.reload} />
          <VitalsPanel session={s} protocol={protocol.data} canWrite={writable} onChanged={detail.reload} />
          <ObservationsPanel session={s} canWrite={writable} onChanged={detail.reload} />
          {writable ? (
            <DischargeForm
              session={s}
              protocol={protocol.data}
              onDischarged={(result) => {
                detail.reload();
                onDischarged(result);
              }}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
