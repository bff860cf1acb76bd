// DisableClientForm: the confirmation before a system client is switched off (its tokens end at once, for good).
import { useEffect, useRef } from 'react';
import { api } from '../../api/client.ts';
import { Form } from '../../ui/Form.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';

interface DisableClientFormProps {
  clientId: string;
  name: string;
  onDisabled: () => void;
  onBack: () => void;
}

/** What disabling does, "Disable this client" and "Back"; the question takes focus when it opens. */
export function DisableClientForm({ clientId, name, onDisabled, onBack }: DisableClientFormProps) {
  const form = useFormSubmit();
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    question.current?.focus();
  }, []);
  const onSubmit = () =>
    void form.submit(async () => {
      await api.post(`/system-clients/${clientId}/disable`);
      onDisabled();
    });
  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      submit="Disable this client"
      label={`Disable ${name}`}
      className="stack inline-form"
      submitClassName="button-small button-warning"
      actions={
        <button type="button" className="button-small button-secondary" onClick={onBack}>
          Back
        </button>
      }
    >
      <p ref={question} tabIndex={-1}>
        Disable {name}? Its tokens stop working at once and it cannot get new ones. A disabled client cannot
        be enabled again: register the system anew if it is needed later.
      </p>
    </Form>
  );
}
