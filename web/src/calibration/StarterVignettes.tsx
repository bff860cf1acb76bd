// StarterVignettes: a supervisor adds the harm pack's fictional starter vignettes to a service, once.
import { useState } from 'react';
import { api } from '../api/client.ts';
import { Form } from '../ui/Form.tsx';
import { Notice } from '../ui/Notice.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';

interface StarterReply {
  added: { id: string; title: string }[];
  alreadyLoaded: number;
}

interface StarterVignettesProps {
  services: readonly { id: string; name: string }[];
  onAdded: () => void;
}

/** The h2 "Starter vignettes", what they are, and "Add starter vignettes" (with "Service" when there are several). */
export function StarterVignettes({ services, onAdded }: StarterVignettesProps) {
  const form = useFormSubmit();
  const [serviceId, setServiceId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const chooseService = services.length > 1;
  const onSubmit = () =>
    void form.submit(
      async () => {
        const r = await api.post<StarterReply>(
          '/calibration/vignettes/starter',
          serviceId ? { serviceId } : {},
        );
        setDone(
          r.added.length > 0
            ? `Added ${r.added.length} starter ${r.added.length === 1 ? 'vignette' : 'vignettes'}.`
            : 'The starter vignettes are already loaded: nothing was added.',
        );
        if (r.added.length > 0) onAdded();
      },
      chooseService && serviceId === '' ? { serviceId: 'Choose the service to add them to' } : {},
    );
  return (
    <section aria-labelledby="starter-vignettes-heading" className="panel">
      <h2 id="starter-vignettes-heading">Starter vignettes</h2>
      <p>
        Six fictional cases shipped with the harm pack, one or more for each level of need, so the team can
        practise rating before writing its own. Adding them again adds nothing.
      </p>
      {done ? <Notice kind="success">{done}</Notice> : null}
      <Form
        form={form}
        onSubmit={onSubmit}
        submit="Add starter vignettes"
        labelledBy="starter-vignettes-heading"
        className="stack inline-form"
      >
        {chooseService ? (
          <SelectField
            label="Service"
            value={serviceId}
            onValue={setServiceId}
            placeholder="Choose a service"
            options={services.map((s) => ({ value: s.id, label: s.name }))}
            error={form.errors.serviceId}
          />
        ) : null}
      </Form>
    </section>
  );
}
