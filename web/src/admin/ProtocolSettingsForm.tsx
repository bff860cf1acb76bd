// ProtocolSettingsForm: one service's values for a protocol's settings, each beside its default and source, with a reason.
import { sourceText } from '../../../src/domain/core/source-text.ts';
import { useEffect, useState } from 'react';
import type { ProtocolSetting } from '../../../src/domain/treatment/protocol-settings.ts';
import { settingLabel } from '../../../src/domain/treatment/setting-labels.ts';
import { api } from '../api/client.ts';
import { Checkbox } from '../ui/Checkbox.tsx';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { useForm } from '../ui/use-form.ts';
import { changes, draftOf, settingsProblems, shown } from './protocol-settings-draft.ts';

interface ProtocolSettingsFormProps {
  /** The settings path of the service and protocol, posted to. */
  path: string;
  settings: readonly ProtocolSetting[];
  onSaved: () => void;
}

/** A field (or a box, for a switch) per setting and "Reason for the change"; "Save settings". */
export function ProtocolSettingsForm({ path, settings, onSaved }: ProtocolSettingsFormProps) {
  const form = useForm(null, { draft: draftOf(settings), reason: '' });
  const { values, setValues, errors } = form;
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    setValues((v) => ({ ...v, draft: draftOf(settings) }));
  }, [settings, setValues]);
  const put = (path: string, value: string | boolean) =>
    setValues((v) => ({ ...v, draft: { ...v.draft, [path]: value } }));

  const onSubmit = () => {
    const changed = changes(settings, values.draft);
    setSaved(null);
    void form.submit(
      async () => {
        const res = await api.post<{ version: number }>(path, {
          settings: changed,
          reason: values.reason.trim(),
        });
        setSaved(`Saved as settings version ${res.version}.`);
        setValues((v) => ({ ...v, reason: '' }));
        onSaved();
      },
      settingsProblems(changed, values.reason),
    );
  };

  return (
    <Form form={form} onSubmit={onSubmit} submit="Save settings" label="Protocol settings">
      {errors.settings ? <p className="field-error">{errors.settings}</p> : null}
      {settings.map((s) => {
        const hint = `Default ${shown(s.default)}${s.unit ? ` ${s.unit}` : ''} (${s.certainty}). Source: ${sourceText(s.source)}`;
        const value = values.draft[s.path];
        return typeof s.default === 'boolean' ? (
          <div key={s.path} className="field">
            <Checkbox
              label={settingLabel(s.path)}
              checked={value === true}
              onChecked={(checked) => put(s.path, checked)}
            />
            <p className="hint">{hint}</p>
          </div>
        ) : (
          <Field
            key={s.path}
            label={`${settingLabel(s.path)}${s.unit ? ` (${s.unit})` : ''}`}
            inputMode="decimal"
            value={typeof value === 'string' ? value : ''}
            onValue={(v) => put(s.path, v)}
            hint={hint}
            error={errors[`settings.${s.path}`]}
          />
        );
      })}
      <Field label="Reason for the change" required maxLength={1000} {...form.field('reason')} />
      <p role="status" className="saved-note">
        {saved ?? ''}
      </p>
    </Form>
  );
}
