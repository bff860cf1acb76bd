// usePatientNames: the display names ("SMITH, Jane") of the patients a task list points to, fetched once each.
import { useEffect, useState } from 'react';
import type { PatientRecord } from '../../../src/schemas/patient.ts';
import { api } from '../api/client.ts';
import { patientName } from '../ui/format.ts';

/** Patient id → name; ids still loading, or not readable, are absent (callers show a neutral link). */
export function usePatientNames(patientIds: readonly string[]): Readonly<Record<string, string>> {
  const [names, setNames] = useState<Record<string, string>>({});
  const wanted = [...new Set(patientIds)].sort().join(',');

  useEffect(() => {
    if (!wanted) return;
    let current = true;
    for (const id of wanted.split(',')) {
      api.get<PatientRecord>(`/patients/${encodeURIComponent(id)}`).then(
        (p) => {
          if (current) setNames((n) => (n[id] ? n : { ...n, [id]: patientName(p) }));
        },
        () => {
          // The link still opens the chart, which explains any refusal itself.
        },
      );
    }
    return () => {
      current = false;
    };
  }, [wanted]);

  return names;
}
