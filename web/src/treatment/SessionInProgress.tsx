// SessionInProgress: one dosing session, in the order the nurse at the chair works it: where it stands, the timers,
// the vitals form with its chart, the pinned alerts, administration, observations and discharge; the same record,
// read-only, with its discharge once it is past; "not found" for another patient's or none.
import { useEffect, useRef, type ReactNode } from 'react';
import { useApiData } from '../api/use-api-data.ts';
import { formatDateTime, formatTime } from '../ui/format.ts';
import { Notice } from '../ui/Notice.tsx';
import { AdministrationPanel } from './AdministrationPanel.tsx';
import { DischargeForm } from './DischargeForm.tsx';
import { deliveryLine, doseLine } from './dose-text.ts';
import { ObservationsPanel } from './ObservationsPanel.tsx';
import type { PartLevel } from './PartHeading.tsx';
import { SessionTimers } from './SessionTimers.tsx';
import { SETTING_LABELS, protocolIdOf, protocolName } from './treatment-labels.ts';
import type { Discharged, Protocol, ProtocolSummary, SessionDetail } from './treatment-types.ts';
import { VitalsPanel } from './VitalsPanel.tsx';

interface SessionInProgressProps {
  /** The chart's patient: a session of anyone else is not shown. */
  patientId: string;
  /** The patient's service: its protocol settings are the ones the session runs under. */
  serviceId?: string;
  sessionId: string;
  protocols: readonly ProtocolSummary[];
  canWrite: boolean;
  /** Take focus when shown, right after the session was started here. */
  focusOnOpen: boolean;
  onDischarged: (result: Discharged) => void;
  /** The session's heading: h2 on its own page, h4 in the treatment area (its parts one level under). */
  level?: 2 | 4;
  /** Shown right after the vitals (the session's page pins the chart's alerts there), found or not. */
  pinned?: ReactNode;
  /** Shown after discharge (the session's page: one-line summaries of the screening and consent). */
  footer?: ReactNode;
}

/** Refusals that mean "no such session for you": unknown, malformed, or outside the user's services. */
const NOT_FOUND = new Set([400, 403, 404, 422]);

/** The protocol as the patient's service uses it (its settings applied), else as shipped. */
function useSessionProtocol(ref: string | null, serviceId: string | undefined) {
  const base = ref ? `/protocols/${encodeURIComponent(protocolIdOf(ref))}` : null;
  const withService = useApiData<Protocol>(
    base && serviceId ? `${base}?service=${encodeURIComponent(serviceId)}` : null,
  );
  // Without the service's view (none given, or not readable by this user), the shipped protocol.
  const shipped = useApiData<Protocol>(base && (!serviceId || withService.error) ? base : null);
  return withService.data ?? shipped.data;
}

/** Where administration stands, in a few words: "Infusion running since 14:05". */
function administrationState(s: SessionDetail, protocol: Protocol | null): string {
  const start = s.events.find((e) => e.kind === 'administration-start');
  const stop = s.events.find((e) => e.kind === 'administration-stop');
  const infused = protocol ? protocol.duration !== null : s.dose.durationMin !== null;
  if (!start) return 'Administration not started';
  if (stop) {
    const given = s.administration.givenMg !== null ? `, ${s.administration.givenMg} mg given` : '';
    return `Administration stopped ${formatTime(stop.at)}${given}`;
  }
  return infused ? `Infusion running since ${formatTime(start.at)}` : `Dosed at ${formatTime(start.at)}`;
}

/** "Session in progress" or "Past session" and its parts, reloading the session after every record. */
export function SessionInProgress({
  patientId,
  serviceId,
  sessionId,
  protocols,
  canWrite,
  focusOnOpen,
  onDischarged,
  level = 4,
  pinned,
  footer,
}: SessionInProgressProps) {
  const detail = useApiData<SessionDetail>(`/treatment-sessions/${encodeURIComponent(sessionId)}`);
  const ref = detail.data?.protocol ?? null;
  const protocol = useSessionProtocol(ref, serviceId);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, [focusOnOpen]);
  const Title = level === 2 ? 'h2' : 'h4';
  const partLevel: PartLevel = level === 2 ? 3 : 5;

  const s = detail.data;
  if ((detail.error && NOT_FOUND.has(detail.error.status)) || (s && s.patientId !== patientId)) {
    return (
      <div className="treatment-part">
        <Title>Session not found</Title>
        <Notice kind="error">This patient has no dosing session at this address.</Notice>
        {pinned}
      </div>
    );
  }
  const past = s?.discharge ?? null;
  const writable = canWrite && !past;
  const title = ref ? protocolName(ref, protocols) : '';
  const delivery = s ? deliveryLine(s.dose) : null;
  // Thresholds are drawn from the protocol as shipped now; say so when the session ran under another version.
  const versionNote =
    protocol && ref && `${protocol.id}@${protocol.version}` !== ref
      ? `Alert lines are from version ${protocol.version} of this protocol; this session runs under ${protocolName(ref, protocols)}.`
      : null;
  return (
    <div className={`treatment-part session-in-progress${level === 2 ? ' session-screen' : ''}`}>
      <div className="session-head">
        <Title ref={heading} tabIndex={-1} className="focus-target">
          {!s ? 'Dosing session' : past ? 'Past session' : 'Session in progress'}
        </Title>
        {s ? (
          <p className="session-facts">
            {title} · {SETTING_LABELS[s.setting]} · started {formatDateTime(s.startedAt)}
          </p>
        ) : null}
      </div>
      {detail.error ? <Notice kind="error">{detail.error.detail ?? detail.error.title}</Notice> : null}
      {detail.loading && !s ? <p role="status">Loading the session…</p> : null}
      {s ? (
        <>
          <p className="session-state">
            <span className={`badge ${past ? 'badge-ok' : 'badge-state'}`}>
              {past ? 'Discharged' : administrationState(s, protocol)}
            </span>{' '}
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
          ) : (
            <SessionTimers session={s} protocol={protocol} />
          )}
          {versionNote ? <p className="hint">{versionNote}</p> : null}
          <VitalsPanel
            session={s}
            protocol={protocol}
            canWrite={writable}
            onChanged={detail.reload}
            level={partLevel}
          />
          {pinned}
          <AdministrationPanel session={s} canWrite={writable} onChanged={detail.reload} level={partLevel} />
          <ObservationsPanel session={s} canWrite={writable} onChanged={detail.reload} level={partLevel} />
          {writable ? (
            <DischargeForm
              session={s}
              protocol={protocol}
              level={partLevel}
              onDischarged={(result) => {
                detail.reload();
                onDischarged(result);
              }}
            />
          ) : null}
        </>
      ) : null}
      {footer}
    </div>
  );
}
