// ReplaceKeysForm: a system client's new public key set; the old set stays on record and stops working at once.
import { replaceKeysSchema } from '../../../../src/schemas/system-clients.ts';
import { api } from '../../api/client.ts';
import { InlineForm } from '../../ui/InlineForm.tsx';
import { useForm } from '../../ui/use-form.ts';
import { jwksError, readJwks } from './jwks-text.ts';
import { JwksField } from './JwksField.tsx';

interface ReplaceKeysFormProps {
  clientId: string;
  name: string;
  onReplaced: () => void;
  onBack: () => void;
}

/** The new key set, "Replace keys" and "Back", beneath the client's row. */
export function ReplaceKeysForm({ clientId, name, onReplaced, onBack }: ReplaceKeysFormProps) {
  const form = useForm(
    replaceKeysSchema,
    { jwksText: '' },
    {
      toBody: ({ jwksText }) => {
        const keys = readJwks(jwksText);
        return { jwks: keys.ok ? keys.jwks : undefined };
      },
    },
  );
  const onSubmit = () => {
    const keys = readJwks(form.values.jwksText);
    void form.send(
      async (body) => {
        await api.post(`/system-clients/${clientId}/keys`, body);
        onReplaced();
      },
      keys.ok ? {} : { jwks: keys.error },
    );
  };
  return (
    <InlineForm
      form={form}
      onSubmit={onSubmit}
      submit="Replace keys"
      label={`Replace keys of ${name}`}
      onBack={onBack}
    >
      <JwksField
        label="New public keys (JSON Web Key Set)"
        value={form.values.jwksText}
        onValue={form.set('jwksText')}
        error={jwksError(form.errors)}
      />
      <p className="hint">
        The new set takes over at once: assertions signed with the old keys are refused from then on.
      </p>
    </InlineForm>
  );
}
