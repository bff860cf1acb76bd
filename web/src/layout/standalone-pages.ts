// Pages that stand alone, outside the session: a patient's self-report link must work with no sign-in at all.

/** True for addresses whose page never needs the session (so /me and /setup are not asked). */
export function isStandalonePage(pathname: string): boolean {
  return pathname.startsWith('/self-report/');
}
