// IdleWarning: tells the server when a person is at work in the page, and warns before an idle session ends.
import { useEffect, useRef, useState } from 'react';
import { pageIdleState } from '../../../src/domain/auth/session-policy.ts';
import { api, lastActivity } from '../api/client.ts';
import { lastInput, watchPageActivity } from './page-activity.ts';
import { useSession } from './session-context.ts';

const CHECK_EVERY_MS = 5_000;

/**
 * Typing, clicking and focus changes count as activity: they send a throttled keep-alive (GET /me) so the
 * server's idle timer restarts too. Only real inactivity shows the warning, and any keypress dismisses it.
 */
export function IdleWarning({ idleMinutes }: { idleMinutes: number }) {
  const { refresh } = useSession();
  const [warning, setWarning] = useState(false);
  const asking = useRef(false);

  useEffect(() => {
    // One request at a time: a keep-alive or, after the limit, the question whose 401 signs us out.
    const ask = (send: () => Promise<unknown>) => {
      if (asking.current) return;
      asking.current = true;
      send()
        .catch(() => undefined) // a lapsed session is handled by the client's session listener
        .finally(() => {
          asking.current = false;
        });
    };
    const check = () => {
      const state = pageIdleState(
        { lastInputAt: lastInput(), lastServerContactAt: lastActivity() },
        Date.now(),
        idleMinutes,
      );
      setWarning(state.kind === 'warn');
      if (state.kind === 'keep-alive') ask(() => api.get('/me'));
      else if (state.kind === 'lapsed') ask(refresh);
    };
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    const stop = watchPageActivity(check);
    return () => {
      window.clearInterval(timer);
      stop();
    };
  }, [idleMinutes, refresh]);

  if (!warning) return null;
  return (
    <div className="idle-warning" role="alert">
      <p>You will be signed out in less than a minute because there has been no activity.</p>
      <button type="button" onClick={() => void refresh()}>
        Stay signed in
      </button>
    </div>
  );
}
