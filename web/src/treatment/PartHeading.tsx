// PartHeading: the heading of one part of a dosing session, one level under the session's own heading (h3 on the
// session's page under its h2, h5 in the treatment area under its h4).
import type { ReactNode } from 'react';

/** The level of a session part's heading. */
export type PartLevel = 3 | 5;

/** <h3> or <h5>, with the id the part's section is labelled by. */
export function PartHeading({ level, id, children }: { level: PartLevel; id: string; children: ReactNode }) {
  return level === 3 ? <h3 id={id}>{children}</h3> : <h5 id={id}>{children}</h5>;
}
