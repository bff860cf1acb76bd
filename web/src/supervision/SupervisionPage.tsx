// SupervisionPage: a supervisor's queue: overrides, level 4 cases, rising levels and overdue reviews to reflect on.
import { useEffect, useRef, useState } from 'react';
import type { SupervisionItem } from '../harm/harm-types.ts';
import { useApiData } from '../api/use-api-data.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { Loaded } from '../ui/Loaded.tsx';
import { Notice } from '../ui/Notice.tsx';
import { SupervisionItemCard } from './SupervisionItemCard.tsx';

const GROUPS: readonly { kind: SupervisionItem['kind']; heading: string; one: string }[] = [
  { kind: 'override', heading: 'Overrides', one: 'Override' },
  { kind: 'level-4', heading: 'Level 4 cases', one: 'Level 4 case' },
  { kind: 'level-rose', heading: 'Rising levels', one: 'Rising level' },
  { kind: 'overdue-review', heading: 'Overdue reviews', one: 'Overdue review' },
];

/** /supervision. */
export function SupervisionPage() {
  usePageTitle('Supervision');
  const queue = useApiData<{ items: SupervisionItem[]; overrideCount: number }>('/supervision');
  const [flash, setFlash] = useState<string | null>(null);
  const flashRef = useRef<HTMLDivElement>(null);
  // A signed-off item leaves the queue with the form that had focus: the confirmation takes focus instead.
  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash]);
  return (
    <>
      <h1>Supervision</h1>
      <div ref={flashRef} tabIndex={-1} className="focus-target">
        {flash ? <Notice kind="success">{flash}</Notice> : null}
      </div>
      <Loaded data={queue} loading="Loading the supervision queue…">
        {({ items, overrideCount: overrides }) => (
          <>
            <p className="supervision-count">
              {overrides} {overrides === 1 ? 'override' : 'overrides'} awaiting sign-off
            </p>
            {GROUPS.map((g) => {
              const inGroup = items.filter((i) => i.kind === g.kind);
              return (
                <section key={g.kind} aria-labelledby={`sup-group-${g.kind}`} className="subsection">
                  <h2 id={`sup-group-${g.kind}`}>
                    {g.heading} <span className="muted">({inGroup.length})</span>
                  </h2>
                  {inGroup.length === 0 ? <p className="muted">None.</p> : null}
                  {inGroup.map((item) => (
                    <SupervisionItemCard
                      key={`${item.kind}-${item.itemId}`}
                      item={item}
                      kindLabel={g.one}
                      onRecorded={(signedOff) => {
                        setFlash(
                          signedOff
                            ? `Signed off: ${g.one.toLowerCase()} for ${item.patientName}.`
                            : `Note recorded: ${g.one.toLowerCase()} for ${item.patientName}.`,
                        );
                        queue.reload();
                      }}
                    />
                  ))}
                </section>
              );
            })}
          </>
        )}
      </Loaded>
    </>
  );
}
