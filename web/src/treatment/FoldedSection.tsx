// FoldedSection: a completed part of the treatment area shown as one line while a session is in progress, unfolded
// on request (or when a session's page linked to it, when it is also brought into view).
import { useEffect, useRef, useState, type ReactNode } from 'react';

interface FoldedSectionProps {
  /** One line saying what is on record. */
  summary: string;
  /** Open it at once and scroll it into view (a session's page linked here). */
  opened: boolean;
  children: ReactNode;
}

/** A <details> whose summary is the one-line record; its content is the full section. */
export function FoldedSection({ summary, opened, children }: FoldedSectionProps) {
  const [open, setOpen] = useState(opened);
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (opened) ref.current?.scrollIntoView({ block: 'start' });
  }, [opened]);
  return (
    <details
      ref={ref}
      className="section-fold"
      open={open}
      onToggle={(e) => {
        setOpen(e.currentTarget.open);
      }}
    >
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
