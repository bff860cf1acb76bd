// CarePlanSection: "Care plan": the plan in force, and "Edit care plan" to save a new version.
import { useEffect, useRef, useState } from 'react';
import { useHasDraft } from '../forms/use-draft.ts';
import { useSignedIn } from '../session/session-context.ts';
import { formatDate } from '../ui/format.ts';
import { Notice } from '../ui/Notice.tsx';
import { startingDraft, type CarePlanDraft } from './care-plan-draft.ts';
import { CarePlanForm } from './CarePlanForm.tsx';
import { CarePlanView } from './CarePlanView.tsx';
import type { AssessmentEntry, CarePlanVersion, ContentPack } from './harm-types.ts';

interface CarePlanSectionProps {
  patientId: string;
  current: CarePlanVersion | null;
  /** The latest assessment, whose proposal and decision seed a new version. */
  latest: AssessmentEntry | null;
  pack: ContentPack;
  canWrite: boolean;
  onSaved: () => void;
}

/** The view, a saved notice, and the edit form behind an "Edit care plan" button. */
export function CarePlanSection({
  patientId,
  current,
  latest,
  pack,
  canWrite,
  onSaved,
}: CarePlanSectionProps) {
  const { user } = useSignedIn();
  // The draft the form starts from, made when the form opens; null while it is closed.
  // A draft kept through a forced sign-in reopens the form, where it is restored.
  const draftKept = useHasDraft('care-plan');
  const [start, setStart] = useState<CarePlanDraft | null>(() =>
    canWrite && draftKept ? startingDraft(current, latest, user.id) : null,
  );
  const [saved, setSaved] = useState<{ version: number; reviewDue: string } | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // When the form closes, focus returns to the button that opened it, not to the top of the page.
  useEffect(() => {
    if (start) wasOpen.current = true;
    else if (wasOpen.current) editButton.current?.focus();
  }, [start]);
  return (
    <section className="q-section" aria-labelledby="care-plan-heading">
      <h3 id="care-plan-heading">Care plan</h3>
      {saved ? (
        <Notice kind="success">
          Care plan version {saved.version} saved. Review due by {formatDate(saved.reviewDue)}.
        </Notice>
      ) : null}
      {current ? <CarePlanView plan={current} pack={pack} me={user} /> : <p>No care plan yet.</p>}
      {canWrite && !start ? (
        <button
          type="button"
          ref={editButton}
          className="button-secondary"
          onClick={() => {
            setStart(startingDraft(current, latest, user.id));
            setSaved(null);
          }}
        >
          Edit care plan
        </button>
      ) : null}
      {canWrite && start ? (
        <CarePlanForm
          patientId={patientId}
          start={start}
          pack={pack}
          me={user}
          isChange={current !== null}
          onSaved={(s) => {
            setSaved(s);
            setStart(null);
            onSaved();
          }}
          onCancel={() => {
            setStart(null);
          }}
        />
      ) : null}
    </section>
  );
}
