// ProtocolSettingsSection: a service's own values for a protocol's settings, each beside its default and source.
import { useEffect, useState } from 'react';
import type { ProtocolSetting } from '../../../src/domain/treatment/protocol-settings.ts';
import { api } from '../api/client.ts';
import { useApiData } from '../api/use-api-data.ts';
import { Checkbox } from '../ui/Checkbox.tsx';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import type { Service } from './admin-types.ts';

interface SettingsVersion {
  version: number;
  settings: Record<string, number | boolean>;
  reason: string;
  changedAt: string;
  changedBy: { id: string; name: string };
}

interface ServiceSettings {
  protocol: string;
  version: number | null;
  settings: ProtocolSetting[];
  versions: SettingsVersion[];
}

type Draft = Record<string, string | boolean>;

const shown = (v: number | boolean) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));

function draftOf(settings: readonly ProtocolSetting[]): Draft {
  return Object.fromEntries(
    settings.map((s) => [s.path, typeof s.value === 'boolean' ? s.value : String(s.value)]),
  );
}

/** The changed values only, as the API takes them; a value equal to the default is sent as null (default). */
function changes(
  settings: readonly ProtocolSetting[],
  draft: Draft,
): Record<string, number | boolean | null> {
  const out: Record<string, number | boolean | null> = {};
  for (const s of settings) {
    const raw = draft[s.path];
    if (raw === undefined) continue;
    const value = typeof raw === 'boolean' ? raw : raw.trim() === '' ? Number.NaN : Number(raw);
    if (value === s.value) continue;
    out[s.path] = value === s.default && s.overridden ? null : value;
  }
  return out;
}

/** "Protocol settings" on /admin: pick a service and a protocol, change values with a reason, see every version. */
export function ProtocolSettingsSection({ services }: { services: readonly Service[] }) {
  const protocols = useApiData<{ protocols: { id: string; title: string }[] }>('/protocols');
  const [serviceId, setServiceId] = useState('');
  const [protocolId, setProtocolId] = useState('iv-racemic-psychiatric');
  const path = serviceId ? `/services/${serviceId}/protocols/${protocolId}/settings` : null;
  const current = useApiData<ServiceSettings>(path);
  const [draft, setDraft] = useState<Draft>({});
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const form = useFormSubmit();

  useEffect(() => {
    if (!serviceId && services[0]) setServiceId(services[0].id);
  }, [serviceId, services]);
  useEffect(() => {
    if (current.data) setDraft(draftOf(current.data.settings));
  }, [current.data]);

  const settings = current.data?.settings ?? [];
  const save = () => {
    if (!path) return;
    const changed = changes(settings, draft);
    const local: Record<string, string> = {};
    for (const [p, v] of Object.entries(changed))
      if (typeof v === 'number' && !Number.isFinite(v)) local[`settings.${p}`] = 'Enter a number';
    if (Object.keys(changed).length === 0) local.settings = 'Change at least one value';
    if (reason.trim() === '') local.reason = 'Say why the clinic changes these settings';
    setSaved(null);
    void form
      .submit(async () => {
        const res = await api.post<{ version: number }>(path, { settings: changed, reason: reason.trim() });
        setSaved(`Saved as settings version ${res.version}.`);
        setReason('');
        current.reload();
      }, local)
      .then(() => undefined);
  };

  return (
    <section id="protocol-settings" className="panel" aria-labelledby="protocol-settings-heading">
      <h2 id="protocol-settings-heading">Protocol settings</h2>
      <p className="hint">
        Values marked as settings in a shipped protocol (thresholds, maximum doses, discharge tolerance). Each
        change is a new version with who, when and why; sessions already started keep the values they began
        with.
      </p>
      <div className="form-row">
        <SelectField
          label="Service"
          value={serviceId}
          onValue={setServiceId}
          options={services.map((s) => ({ value: s.id, label: s.name }))}
        />
        <SelectField
          label="Protocol"
          value={protocolId}
          onValue={setProtocolId}
          options={(protocols.data?.protocols ?? []).map((p) => ({ value: p.id, label: p.title }))}
        />
      </div>
      {current.error ? <FormProblem problem={current.error} /> : null}
      {current.data ? (
        <form
          noValidate
          className="stack"
          aria-label="Protocol settings"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
          {form.errors.settings ? <p className="field-error">{form.errors.settings}</p> : null}
          {settings.map((s) => {
            const hint = `Default ${shown(s.default)}${s.unit ? ` ${s.unit}` : ''} (${s.certainty}). Source: ${s.source}`;
            const value = draft[s.path];
            return typeof s.default === 'boolean' ? (
              <div key={s.path} className="field">
                <Checkbox
                  label={s.path}
                  checked={value === true}
                  onChecked={(checked) => {
                    setDraft((d) => ({ ...d, [s.path]: checked }));
                  }}
                />
                <p className="hint">{hint}</p>
              </div>
            ) : (
              <Field
                key={s.path}
                label={`${s.path}${s.unit ? ` (${s.unit})` : ''}`}
                inputMode="decimal"
                value={typeof value === 'string' ? value : ''}
                onValue={(v) => {
                  setDraft((d) => ({ ...d, [s.path]: v }));
                }}
                hint={hint}
                error={form.errors[`settings.${s.path}`]}
              />
            );
          })}
          <Field
            label="Reason for the change"
            required
            maxLength={1000}
            value={reason}
            onValue={setReason}
            error={form.errors.reason}
          />
          <div className="actions">
            <button type="submit" disabled={form.busy}>
              Save settings
            </button>
          </div>
          <p role="status" className="saved-note">
            {saved ?? ''}
          </p>
        </form>
      ) : null}
      {current.data && current.data.versions.length > 0 ? (
        <>
          <h3>Versions</h3>
          <ul className="plain-list">
            {current.data.versions.map((v) => (
              <li key={v.version}>
                Version {v.version}, {new Date(v.changedAt).toLocaleString()} by {v.changedBy.name}:{' '}
                {v.reason} (
                {Object.entries(v.settings)
                  .map(([p, x]) => `${p} = ${shown(x)}`)
                  .join(', ') || 'all defaults'}
                )
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
