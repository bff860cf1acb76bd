// PriorityBadge: a task's priority as a coloured word: urgent in red, high in amber, normal plain.

const LABELS: Record<string, string> = { urgent: 'Urgent', high: 'High', normal: 'Normal' };

/** "Urgent", "High" or "Normal". */
export function PriorityBadge({ priority }: { priority: string }) {
  return <span className={`badge priority-${priority}`}>{LABELS[priority] ?? priority}</span>;
}
