// A non-secret hint that this browser may hold a session, so a first visit does not probe /me and log a 401.

const KEY = 'kaspr.maybeSignedIn';

/** True when a sign-in happened in this browser and no sign-out or lapse has been seen since. */
export function maybeSignedIn(): boolean {
  try {
    return window.localStorage.getItem(KEY) === '1';
  } catch {
    return true; // storage blocked: ask the server instead
  }
}

/** Records (or clears) the hint; holds no identity or clinical data. */
export function rememberSignedIn(on: boolean): void {
  try {
    if (on) window.localStorage.setItem(KEY, '1');
    else window.localStorage.removeItem(KEY);
  } catch {
    // Storage blocked: the hint is an optimisation only.
  }
}
