// RegisterSystemClientForm: register a system client with its name, public keys, scope and the services it reads.
import { useState } from 'react';
import type { z } from 'zod';
import type { systemClientCreatedReply } from '../../../../src/schemas/replies/system-clients.ts';
import { createSystemClientSchema } from '../../../../src/schemas/system-clients.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../ui/Field.tsx';
import { Form } from '../../ui/Form.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { useForm } from '../../ui/use-form.ts';
import type { Service } from '../admin-types.ts';
import { ServiceChoice } from '../RoleServiceFields.tsx';
import { jwksError, readJwks } from './jwks-text.ts';
import { JwksField } from './JwksField.tsx';
import { RegisteredClient } from './RegisteredClient.tsx';
import { scopeLabel, type SmartConfiguration } from './smart-configuration.ts';

type Created = z.output<typeof systemClientCreatedReply>;

// The narrowest scope the server offers comes first: a warehouse reads.
const EMPTY = { name: '', jwksText: '', scope: 'system/*.read', serviceIds: [] as string[] };

interface RegisterSystemClientFormProps {
  services: Service[];
  /** The token URL and scopes, once the discovery document has loaded. */
  smart: SmartConfiguration | null;
  onRegistered: () => void;
}

/** The "Register a system client" form, and the new client's id and token URL once registered. */
export function RegisterSystemClientForm({ services, smart, onRegistered }: RegisterSystemClientFormProps) {
  const [created, setCreated] = useState<Created | null>(null);
  const form = useForm(createSystemClientSchema, EMPTY, {
    toBody: ({ name, jwksText, scope, serviceIds }) => {
      const keys = readJwks(jwksText);
      return { name: name.trim(), jwks: keys.ok ? keys.jwks : undefined, scope, serviceIds };
    },
  });
  const scopes = smart?.scopes ?? [form.values.scope];

  const onSubmit = () => {
    const keys = readJwks(form.values.jwksText);
    setCreated(null);
    void form.send(
      async (body) => {
        setCreated(await api.post<Created>('/system-clients', body));
        form.clear();
        onRegistered();
      },
      keys.ok ? {} : { jwks: keys.error },
    );
  };

  return (
    <>
      {created ? (
        <RegisteredClient
          name={created.client.name}
          clientId={created.clientId}
          tokenUrl={smart?.tokenUrl ?? null}
        />
      ) : null}
      <Form form={form} onSubmit={onSubmit} submit="Register client" labelledBy="register-client-heading">
        <Field
          label="Name"
          {...form.field('name')}
          hint="Say what the system is, e.g. Trust data warehouse. Its reads are audited under this name."
          autoComplete="off"
          required
        />
        <JwksField
          value={form.values.jwksText}
          onValue={form.set('jwksText')}
          error={jwksError(form.errors)}
        />
        <div className="grid-2">
          <RadioGroup
            legend="Scope"
            name="system-client-scope"
            options={scopes.map((s) => ({ value: s, label: scopeLabel(s) }))}
            value={form.values.scope}
            onValue={form.set('scope')}
          />
          <ServiceChoice legend="Services it reads" services={services} form={form} />
        </div>
      </Form>
    </>
  );
}
