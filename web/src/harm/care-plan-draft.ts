// The care-plan form's draft: rows started from the current plan plus the latest proposal, and the request made from it.
import type { DeliveryMode } from './harm-labels.ts';
import type { AssessmentEntry, CarePlanInput, CarePlanVersion, PlannedIntervention } from './harm-types.ts';

export interface MaterialDraft {
  key: number;
  title: string;
  reference: string;
}

export interface PlanRowDraft {
  key: number;
  interventionId: string;
  deliveryMode: DeliveryMode;
  dueDate: string;
  /** A user id, or '' for unassigned. */
  owner: string;
  materials: MaterialDraft[];
  note: string;
  /** Brought in by the latest assessment rather than the current plan. */
  suggested: boolean;
}

export interface CarePlanDraft {
  rows: PlanRowDraft[];
  goals: { key: number; text: string }[];
  keyWorker: string;
  reviewDue: string;
  reason: string;
  decisionId: string | null;
}

let lastKey = 0;
/** A React key for a new row; rows are added and removed, so their index cannot be the key. */
export const newKey = (): number => (lastKey += 1);

/** A fresh row for intervention `id`, owned by `ownerId`. */
export function newRow(id: string, ownerId: string, suggested: boolean): PlanRowDraft {
  return {
    key: newKey(),
    interventionId: id,
    deliveryMode: 'one-to-one',
    dueDate: '',
    owner: ownerId,
    materials: [],
    note: '',
    suggested,
  };
}

function rowFromPlan(i: PlannedIntervention): PlanRowDraft {
  return {
    ...newRow(i.interventionId, i.ownerId ?? '', false),
    deliveryMode: i.deliveryMode,
    dueDate: i.dueDate ?? '',
    note: i.note ?? '',
    materials: (i.materials ?? []).map((m) => ({
      key: newKey(),
      title: m.title,
      reference: m.reference ?? '',
    })),
  };
}

/**
 * The starting draft: the current plan, then what the latest assessment suggests that the plan lacks (only
 * when that assessment is newer than the plan), reviewed by the latest decision's date when it is newer.
 * Once decided, the suggestion follows the DECIDED level (the server's `planInterventions`), so an override
 * from 3 to 2 does not offer level-3 treatment; undecided, it is the proposal's interventions.
 */
export function startingDraft(
  current: CarePlanVersion | null,
  latest: AssessmentEntry | null,
  meId: string,
): CarePlanDraft {
  const planAt = current?.recordedAt ?? '';
  const rows = (current?.interventions ?? []).map(rowFromPlan);
  if (latest && latest.assessedAt > planAt) {
    const suggested = latest.decision?.planInterventions ?? latest.evaluation.interventions.map((i) => i.id);
    for (const id of suggested)
      if (!rows.some((r) => r.interventionId === id)) rows.push(newRow(id, meId, true));
  }
  const decision = latest?.decision ?? null;
  const decisionNewer = decision !== null && (decision.decidedAt ?? '') > planAt;
  const goals = current ? current.goals : latest?.context.goals ? [latest.context.goals] : [];
  return {
    rows,
    goals: goals.map((text) => ({ key: newKey(), text })),
    keyWorker: current ? (current.keyWorkerId ?? '') : meId,
    reviewDue: decisionNewer ? decision.reviewDue : (current?.reviewDue ?? ''),
    reason: '',
    decisionId: decisionNewer ? decision.id : null,
  };
}

const opt = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/** The body of POST /patients/:id/care-plan; every row and goal is sent, so error paths match the form. */
export function planRequest(d: CarePlanDraft): CarePlanInput {
  return {
    interventions: d.rows.map((r) => ({
      interventionId: r.interventionId,
      deliveryMode: r.deliveryMode,
      ownerId: opt(r.owner),
      dueDate: opt(r.dueDate),
      note: opt(r.note),
      materials:
        r.materials.length > 0
          ? r.materials.map((m) => ({ title: m.title.trim(), reference: opt(m.reference) }))
          : undefined,
    })),
    goals: d.goals.map((g) => g.text.trim()),
    keyWorkerId: opt(d.keyWorker),
    reviewDue: d.reviewDue,
    decisionId: d.decisionId ?? undefined,
    reason: opt(d.reason),
  };
}

/** Local checks before sending: a review date, and no blank goal or material title. */
export function planProblems(d: CarePlanDraft): Record<string, string> {
  const out: Record<string, string> = {};
  if (!d.reviewDue) out.reviewDue = 'Enter the review date';
  d.goals.forEach((g, i) => {
    if (!g.text.trim()) out[`goals.${i}`] = 'Write the goal, or remove it';
  });
  d.rows.forEach((r, i) => {
    r.materials.forEach((m, j) => {
      if (!m.title.trim())
        out[`interventions.${i}.materials.${j}.title`] = 'Give the material a title, or remove it';
    });
  });
  return out;
}
