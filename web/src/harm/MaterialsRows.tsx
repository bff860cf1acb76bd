// MaterialsRows: the materials given with one planned intervention (leaflet, workbook, link), added row by row.
import { Field } from '../ui/Field.tsx';
import { RowList } from '../ui/RowList.tsx';
import { newKey, type MaterialDraft } from './care-plan-draft.ts';

interface MaterialsRowsProps {
  materials: readonly MaterialDraft[];
  onMaterials: (materials: MaterialDraft[]) => void;
  /** Field messages keyed "0.title", relative to this intervention's materials. */
  errorOf: (index: number, field: 'title' | 'reference') => string | undefined;
}

/** "Materials": a Title and Reference per row, "Remove material" and "Add material". */
export function MaterialsRows({ materials, onMaterials, errorOf }: MaterialsRowsProps) {
  return (
    <RowList
      legend="Materials"
      className="row-group materials"
      rows={materials}
      onRows={onMaterials}
      blank={() => ({ key: newKey(), title: '', reference: '' })}
      addLabel="Add material"
      empty="No materials."
    >
      {(m, { index: i, update, remove }) => (
        <div key={m.key} role="group" aria-label={`Material ${i + 1}`} className="material-row">
          <Field
            label="Title"
            value={m.title}
            maxLength={200}
            onValue={(title) => update({ title })}
            error={errorOf(i, 'title')}
          />
          <Field
            label="Reference"
            value={m.reference}
            maxLength={500}
            onValue={(reference) => update({ reference })}
            error={errorOf(i, 'reference')}
          />
          <button
            type="button"
            className="button-small button-secondary"
            aria-label={`Remove material ${i + 1}`}
            onClick={remove}
          >
            Remove material
          </button>
        </div>
      )}
    </RowList>
  );
}
