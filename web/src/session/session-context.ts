// The session context: who is signed in, whether first-run setup is needed, and the actions that change it.
import { createContext, useContext } from 'react';
import type { SessionView } from '../../../src/schemas/auth.ts';
import type { Permission } from '../../../src/domain/access/roles.ts';
import type { ApiError } from '../api/api-error.ts';

export type SessionStatus = 'loading' | 'signed-out' | 'signed-in' | 'unavailable';

export interface SessionState {
  status: SessionStatus;
  session: SessionView | null;
  /** True when no user exists yet and /setup must be shown. */
  setupNeeded: boolean;
  /** A message for the sign-in page, e.g. why the session ended. */
  message: string | null;
  /** Why the app could not start (server unreachable). */
  error: ApiError | null;
}

export interface SessionApi extends SessionState {
  /** Records a fresh SessionView from sign-in, setup, invitation or second-factor changes. */
  signedIn: (view: SessionView) => void;
  signOut: () => Promise<void>;
  /** Reloads /me; a lapsed session ends up signed out. */
  refresh: () => Promise<void>;
  can: (permission: Permission) => boolean;
  clearMessage: () => void;
}

export const SessionContext = createContext<SessionApi | null>(null);

/** The current session; components under <SessionProvider> only. */
export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside <SessionProvider>');
  return value;
}

/** The signed-in session view; for pages rendered only when signed in. */
export function useSignedIn(): SessionView {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn without a session');
  return session;
}

export const SESSION_ENDED_MESSAGE = 'Your session ended; sign in again';
export const SIGNED_OUT_MESSAGE = 'You have signed out.';
