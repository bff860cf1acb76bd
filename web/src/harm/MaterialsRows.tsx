// MaterialsRows: the materials given with one planned intervention (leaflet, workbook, link), added row by row.
import { Field } from '../ui/Field.tsx';
import { newKey, type MaterialDraft } from './care-plan-draft.ts';

interface MaterialsRowsProps {
  materials: readonly MaterialDraft[];
  onMaterials: (materials: MaterialDraft[]) => void;
  /** Field messages keyed "0.title", relative to this intervention's materials. */
  errorOf: (index: number, field: 'title' | 'reference') => string | undefined;
}

/** "Materials": a Title and Reference per row, "Remove material" and "Add material". */
export function MaterialsRows({ materials, onMaterials, errorOf }: MaterialsRowsProps) {
  const update = (key: number, patch: Partial<MaterialDraft>) => {
    onMaterials(materials.map((m) => (m.key === key ? { ...m, ...patch } : m)));
  };
  return (
    <fieldset className="row-group materials">
      <legend>Materials</legend>
      {materials.length === 0 ? <p className="hint">No materials.</p> : null}
      {materials.map((m, i) => (
        <div key={m.key} role="group" aria-label={`Material ${i + 1}`} className="material-row">
          <Field
            label="Title"
            value={m.title}
            maxLength={200}
            onValue={(title) => {
              update(m.key, { title });
            }}
            error={errorOf(i, 'title')}
          />
          <Field
            label="Reference"
            value={m.reference}
            maxLength={500}
            onValue={(reference) => {
              update(m.key, { reference });
            }}
            error={errorOf(i, 'reference')}
          />
          <button
            type="button"
            className="button-small button-secondary"
            aria-label={`Remove material ${i + 1}`}
            onClick={() => {
              onMaterials(materials.filter((x) => x.key !== m.key));
            }}
          >
            Remove material
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button-small button-secondary"
        onClick={() => {
          onMaterials([...materials, { key: newKey(), title: '', reference: '' }]);
        }}
      >
        Add material
      </button>
    </fieldset>
  );
}
