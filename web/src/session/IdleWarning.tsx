// IdleWarning: warns one minute before the server ends an idle session, and offers to keep it alive.
import { useEffect, useRef, useState } from 'react';
import { lastActivity } from '../api/client.ts';
import { useSession } from './session-context.ts';

const WARN_MS = 60_000;
const CHECK_EVERY_MS = 5_000;

/** Watches the time since the last API request against the server's idle limit. */
export function IdleWarning({ idleMinutes }: { idleMinutes: number }) {
  const { refresh } = useSession();
  const [warning, setWarning] = useState(false);
  const checking = useRef(false);

  useEffect(() => {
    const limit = idleMinutes * 60_000;
    const tick = () => {
      const left = limit - (Date.now() - lastActivity());
      if (left <= 0) {
        // Ask the server: if the session has lapsed, the 401 signs us out with a message.
        if (!checking.current) {
          checking.current = true;
          void refresh().finally(() => {
            checking.current = false;
          });
        }
        setWarning(false);
      } else {
        setWarning(left <= WARN_MS);
      }
    };
    const timer = window.setInterval(tick, CHECK_EVERY_MS);
    return () => window.clearInterval(timer);
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
