// SessionInProgress: the open dosing session: administration, vitals flowsheet, observations and discharge.
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
  sessionId: string;
  protocols: readonly ProtocolSummary[];
  canWrite: boolean;
  /** Take focus when shown, right after the session was started here. */
  focusOnOpen: boolean;
  onDischarged: (result: Discharged) => void;
}

/** "Session in progress" (h4) and its four parts (h5), reloading the session after every record. */
export function SessionInProgress({
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
        Session in progress
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
          {versionNote ? <p className="hint">{versionNote}</p> : null}
          <AdministrationPanel session={s} canWrite={canWrite} onChanged={detail.reload} />
          <VitalsPanel session={s} protocol={protocol.data} canWrite={canWrite} onChanged={detail.reload} />
          <ObservationsPanel session={s} canWrite={canWrite} onChanged={detail.reload} />
          {canWrite ? (
            <DischargeForm session={s} protocol={protocol.data} onDischarged={onDischarged} />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
