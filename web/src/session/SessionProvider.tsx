// SessionProvider: loads /me at start (falling back to /setup), and keeps the session current as requests come back.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import type { SessionView } from '../../../src/schemas/auth.ts';
import type { SetupNeeded } from '../../../src/schemas/replies/auth.ts';
import type { Permission } from '../../../src/domain/access/roles.ts';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { api, onSessionProblem, setCsrfToken } from '../api/client.ts';
import { claimDrafts, clearDrafts } from '../forms/draft-store.ts';
import { setClinicTimeZone, sharedTimeZone } from '../ui/clinic-clock.ts';
import { isStandalonePage } from '../layout/standalone-pages.ts';
import { maybeSignedIn, rememberSignedIn } from './signed-in-hint.ts';
import {
  SESSION_ENDED_MESSAGE,
  SIGNED_OUT_MESSAGE,
  SessionContext,
  type SessionApi,
  type SessionState,
} from './session-context.ts';

const INITIAL: SessionState = {
  status: 'loading',
  session: null,
  setupNeeded: false,
  message: null,
  error: null,
};

async function loadSignedOutState(): Promise<SessionState> {
  const setup = await api.get<SetupNeeded>('/setup');
  return { status: 'signed-out', session: null, setupNeeded: setup.needed, message: null, error: null };
}

/** Holds the session for the whole app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(INITIAL);
  const statusRef = useRef(state.status);
  statusRef.current = state.status;

  const signedIn = useCallback((view: SessionView) => {
    setCsrfToken(view.csrfToken);
    rememberSignedIn(true);
    // Drafts kept through a forced sign-in are for the same person only: another user's are discarded.
    claimDrafts(view.user.id);
    // Times on every page on the services' clock, as their documents print them (before the pages render).
    setClinicTimeZone(sharedTimeZone(view.user.services));
    setState({ status: 'signed-in', session: view, setupNeeded: false, message: null, error: null });
  }, []);

  const endSession = useCallback((message: string | null) => {
    setCsrfToken('');
    rememberSignedIn(false);
    setClinicTimeZone(undefined);
    setState({ status: 'signed-out', session: null, setupNeeded: false, message, error: null });
  }, []);

  const load = useCallback(async () => {
    // Without a sign-in in this browser, skip /me: its 401 would be logged as a console error.
    if (statusRef.current === 'loading' && !maybeSignedIn()) {
      try {
        setState(await loadSignedOutState());
      } catch (err) {
        setState({ ...INITIAL, status: 'unavailable', error: asApiError(err) });
      }
      return;
    }
    try {
      signedIn(await api.get<SessionView>('/me'));
    } catch (err) {
      const error: ApiError = asApiError(err);
      const wasSignedIn = statusRef.current === 'signed-in';
      if (error.status !== 401) {
        // A passing network fault must not throw a signed-in user out; only a failed start is shown.
        if (!wasSignedIn) setState({ ...INITIAL, status: 'unavailable', error });
        return;
      }
      rememberSignedIn(false);
      try {
        const next = await loadSignedOutState();
        setState({ ...next, message: wasSignedIn ? SESSION_ENDED_MESSAGE : null });
      } catch (setupErr) {
        setState({ ...INITIAL, status: 'unavailable', error: asApiError(setupErr) });
      }
    }
  }, [signedIn]);

  // A patient's self-report page works without a session: do not ask /me there (a kiosk may hold a clinician's cookie).
  const standalone = isStandalonePage(useLocation().pathname);
  useEffect(() => {
    if (!standalone) void load();
  }, [load, standalone]);

  useEffect(() => {
    onSessionProblem((error) => {
      if (statusRef.current !== 'signed-in') return;
      if (error.sessionEnded) endSession(SESSION_ENDED_MESSAGE);
      else void load();
    });
    return () => onSessionProblem(null);
  }, [endSession, load]);

  const signOut = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } catch {
      // Signing out locally is what matters; the server session lapses on its own.
    }
    // A deliberate sign-out leaves nothing behind for the next person at this machine.
    clearDrafts();
    endSession(SIGNED_OUT_MESSAGE);
  }, [endSession]);

  const value = useMemo<SessionApi>(
    () => ({
      ...state,
      signedIn,
      signOut,
      refresh: load,
      can: (permission: Permission) => state.session?.user.permissions.includes(permission) ?? false,
      clearMessage: () => setState((s) => ({ ...s, message: null })),
    }),
    [state, signedIn, signOut, load],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
