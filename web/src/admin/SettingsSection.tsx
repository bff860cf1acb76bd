// SettingsSection: organisation settings; today, whether administrators must use a second factor.
import { useEffect, useState } from 'react';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { useApiData } from '../api/use-api-data.ts';
import { useSession } from '../session/session-context.ts';
import { Notice } from '../ui/Notice.tsx';
import type { Settings } from './admin-types.ts';

/** The "Settings" section of /admin; each change is saved at once. */
export function SettingsSection() {
  const settings = useApiData<Settings>('/settings');
  const { refresh } = useSession();
  const [value, setValue] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (settings.data) setValue(settings.data.requireTotpForAdmins);
  }, [settings.data]);

  const save = (requireTotpForAdmins: boolean) => {
    setValue(requireTotpForAdmins);
    setBusy(true);
    setSaved(null);
    setError(null);
    api.patch<Settings>('/settings', { requireTotpForAdmins }).then(
      (res) => {
        setBusy(false);
        setValue(res.requireTotpForAdmins);
        setSaved('Setting saved.');
        // The rule may now apply to the signed-in administrator too.
        void refresh();
      },
      (err: unknown) => {
        setBusy(false);
        setValue(!requireTotpForAdmins);
        setError(asApiError(err));
      },
    );
  };

  return (
    <section id="settings" className="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      {settings.error ? <Notice kind="error">{settings.error.detail ?? settings.error.title}</Notice> : null}
      {error ? <Notice kind="error">{error.detail ?? error.title}</Notice> : null}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={value}
          disabled={busy || !settings.data}
          onChange={(e) => save(e.target.checked)}
          aria-describedby="totp-setting-hint"
        />
        Require a second factor for administrators
      </label>
      <p className="hint" id="totp-setting-hint">
        Administrators without an authenticator app set up will be asked to set one up before they can do
        anything else.
      </p>
      <p role="status" className="saved-note">
        {saved ?? ''}
      </p>
    </section>
  );
}
