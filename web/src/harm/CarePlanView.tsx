// CarePlanView: the care plan in force: interventions with owner, due date, delivery and materials; goals; review.
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
      {plan.interventions.length === 0 ? (
        <p>No interventions in the plan.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table compact">
            <caption>Interventions</caption>
            <thead>
              <tr>
                <th scope="col">Intervention</th>
                <th scope="col">Delivery mode</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Materials</th>
              </tr>
            </thead>
            <tbody>
              {plan.interventions.map((i) => (
                <tr key={i.interventionId}>
                  <td>
                    {titleOf(i.interventionId)}
                    {i.note ? <p className="hint">{i.note}</p> : null}
                  </td>
                  <td>{DELIVERY_MODE_LABELS[i.deliveryMode]}</td>
                  <td>{personText(i.ownerId, me)}</td>
                  <td className="nowrap">{i.dueDate ? formatDate(i.dueDate) : '—'}</td>
                  <td>
                    {(i.materials ?? []).length === 0 ? '—' : null}
                    <ul className="plain-inline">
                      {(i.materials ?? []).map((m) => (
                        <li key={`${m.title}-${m.reference ?? ''}`}>
                          {m.title}
                          {m.reference ? <span className="muted"> ({m.reference})</span> : null}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
