// AddProductForm: "Add product": a drug as stocked (form, strength, container, product code) for the CD officer.
import { useState } from 'react';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useForm } from '../ui/use-form.ts';
import type { ProductView } from './cd-types.ts';
import { firstError } from './entry-form-context.ts';
import {
  CODE_SYSTEMS,
  EMPTY_PRODUCT,
  MEASURES,
  productBody,
  productErrors,
  strengthKey,
  UK_CLASSES,
  UK_SCHEDULES,
  US_SCHEDULES,
} from './product-body.ts';
import { SavedNote } from '../ui/SavedNote.tsx';

/** The "Add product" form; the new product appears in "Stock at a glance" at every location. */
export function AddProductForm({ onAdded }: { onAdded: () => void }) {
  const form = useForm(null, EMPTY_PRODUCT, { toBody: productBody });
  const { values, set, errors } = form;
  const [added, setAdded] = useState<string | null>(null);

  const onSubmit = () => {
    setAdded(null);
    void form.send(async (body) => {
      const product = await api.post<ProductView>('/cd-register/products', body);
      setAdded(product.label);
      form.clear();
      onAdded();
    }, productErrors(values));
  };

  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      submit="Add product"
      labelledBy="cd-add-product-heading"
      head={<h2 id="cd-add-product-heading">Add product</h2>}
    >
      <SavedNote text={added && `Added ${added}.`} />
      <div className="grid-2">
        <Field label="Drug" {...form.field('drug')} hint='e.g. "Ketamine hydrochloride"' required />
        <Field
          label="Form"
          {...form.field('form')}
          hint='As the regulator reads it, e.g. "solution for injection"'
          required
        />
        <SelectField
          label="Measured"
          value={values.per}
          onValue={(v) => set('per')(v === 'unit' ? 'unit' : 'ml')}
          options={MEASURES}
        />
        <Field
          label={values.per === 'ml' ? 'Strength (mg/mL)' : 'Strength (mg per unit)'}
          type="number"
          inputMode="decimal"
          min={0}
          {...form.field('strength')}
          error={errors[strengthKey(values)]}
          required
        />
        <Field
          label="Container size"
          type="number"
          inputMode="decimal"
          min={0}
          {...form.field('containerSize')}
          hint={values.per === 'ml' ? 'mL in one container' : 'Whole units in one container'}
          required
        />
        <Field
          label="Container name"
          {...form.field('containerName')}
          hint='"vial", "ampoule", "pack"'
          required
        />
        <SelectField
          label="Code system"
          value={values.codeSystem}
          onValue={(v) => set('codeSystem')(v === 'ndc' || v === 'other' ? v : 'dmd')}
          options={CODE_SYSTEMS}
          error={errors['code.system']}
        />
        <Field
          label="Code"
          {...form.field('code')}
          error={errors['code.value']}
          hint="The code printed on the box"
          required
        />
        <SelectField
          label="DEA schedule"
          {...form.field('usSchedule')}
          options={US_SCHEDULES}
          placeholder="Not recorded"
          error={errors['schedule.us']}
        />
        <SelectField
          label="UK schedule"
          {...form.field('ukSchedule')}
          options={UK_SCHEDULES}
          placeholder="Not recorded"
          error={errors['schedule.uk.schedule']}
        />
        <SelectField
          label="UK class"
          {...form.field('ukClass')}
          options={UK_CLASSES}
          placeholder="Not recorded"
          error={firstError(errors, 'schedule.uk.drugClass', 'schedule.uk')}
        />
      </div>
    </Form>
  );
}
