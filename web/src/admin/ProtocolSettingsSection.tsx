// ProtocolSettingsSection: a service's own values for a protocol's settings, each beside its default and source.
import { useEffect, useState } from 'react';
import type { ProtocolSetting } from '../../../src/domain/treatment/protocol-settings.ts';
import { useApiData } from '../api/use-api-data.ts';
import { formatDateTime } from '../ui/format.ts';
import { FormProblem } from '../ui/FormProblem.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import type { Service } from './admin-types.ts';
import { shown } from './protocol-settings-draft.ts';
import { ProtocolSettingsForm } from './ProtocolSettingsForm.tsx';

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

/** "Protocol settings" on /admin: pick a service and a protocol, change values with a reason, see every version. */
export function ProtocolSettingsSection({ services }: { services: readonly Service[] }) {
  const protocols = useApiData<{ protocols: { id: string; title: string }[] }>('/protocols');
  const [serviceId, setServiceId] = useState('');
  const [protocolId, setProtocolId] = useState('iv-racemic-psychiatric');
  const path = serviceId ? `/services/${serviceId}/protocols/${protocolId}/settings` : null;
  const current = useApiData<ServiceSettings>(path);

  useEffect(() => {
    if (!serviceId && services[0]) setServiceId(services[0].id);
  }, [serviceId, services]);

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
      {current.data && path ? (
        <ProtocolSettingsForm path={path} settings={current.data.settings} onSaved={current.reload} />
      ) : null}
      {current.data && current.data.versions.length > 0 ? (
        <>
          <h3>Versions</h3>
          <ul className="plain-list">
            {current.data.versions.map((v) => (
              <li key={v.version}>
                Version {v.version}, {formatDateTime(v.changedAt)} by {v.changedBy.name}: {v.reason} (
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
