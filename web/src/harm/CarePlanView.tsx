// CarePlanView: the care plan in force: interventions with owner, due date, delivery and materials; goals; review.
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { formatDate, formatDateTime } from '../ui/format.ts';
import { DELIVERY_MODE_LABELS } from './harm-labels.ts';
import type { CarePlanVersion, ContentPack } from './harm-types.ts';

interface CarePlanViewProps {
  plan: CarePlanVersion;
  pack: ContentPack;
  me: { id: string; displayName: string };
}

/** Names a person by id; only the signed-in user's name is known to the client. */
function personText(id: string | undefined, me: { id: string; displayName: string }): string {
  if (!id) return 'Unassigned';
  return id === me.id ? `${me.displayName} (me)` : 'Another team member';
}

type Planned = CarePlanVersion['interventions'][number];

/** The materials given with an intervention, or a dash. */
function Materials({ materials = [] }: { materials?: Planned['materials'] }) {
  if (materials.length === 0) return '—';
  return (
    <ul className="plain-inline">
      {materials.map((m) => (
        <li key={`${m.title}-${m.reference ?? ''}`}>
          {m.title}
          {m.reference ? <span className="muted"> ({m.reference})</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** Intervention (with its note), Delivery mode, Owner, Due and Materials. */
function interventionColumns(
  titleOf: (id: string) => string,
  me: { id: string; displayName: string },
): Column<Planned>[] {
  return [
    {
      header: 'Intervention',
      cell: (i) => (
        <>
          {titleOf(i.interventionId)}
          {i.note ? <p className="hint">{i.note}</p> : null}
        </>
      ),
    },
    { header: 'Delivery mode', cell: (i) => DELIVERY_MODE_LABELS[i.deliveryMode] },
    { header: 'Owner', cell: (i) => personText(i.ownerId, me) },
    { header: 'Due', className: 'nowrap', cell: (i) => (i.dueDate ? formatDate(i.dueDate) : '—') },
    { header: 'Materials', cell: (i) => <Materials materials={i.materials} /> },
  ];
}

/** A summary line, the interventions table, the goals and the key worker. */
export function CarePlanView({ plan, pack, me }: CarePlanViewProps) {
  const titleOf = (id: string) => pack.interventions.find((i) => i.id === id)?.title ?? id;
  return (
    <div className="care-plan">
      <p>
        <span className="label">Review due by {formatDate(plan.reviewDue)}.</span> Version {plan.version},
        recorded by {plan.recordedBy.displayName} on {formatDateTime(plan.recordedAt)}
        {plan.reason ? ` — “${plan.reason}”` : ''}.
      </p>
      <DataTable
        columns={interventionColumns(titleOf, me)}
        rows={plan.interventions}
        rowKey={(i) => i.interventionId}
        caption="Interventions"
        className="data-table compact"
        empty={<p>No interventions in the plan.</p>}
      />
      <h4>Goals</h4>
      {plan.goals.length === 0 ? (
        <p className="muted">No goals recorded.</p>
      ) : (
        <ul>
          {plan.goals.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
      )}
      <p>
        <span className="label">Key worker:</span> {personText(plan.keyWorkerId, me)}
      </p>
    </div>
  );
}
