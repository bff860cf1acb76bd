// useChartPrefill: loads what the chart already knows for a new assessment, once per form.
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { HarmPrefill } from '../../../src/domain/harm/index.ts';

/** The pre-fill for `patientId`, or null while loading (or when it could not be loaded: the form still works). */
export function useChartPrefill(patientId: string): HarmPrefill | null {
  const [prefill, setPrefill] = useState<HarmPrefill | null>(null);
  useEffect(() => {
    let current = true;
    api.get<HarmPrefill>(`/patients/${encodeURIComponent(patientId)}/harm-assessments/prefill`).then(
      (loaded) => {
        if (current) setPrefill(loaded);
      },
      () => {
        // A failed pre-fill leaves the fields empty for the clinician to fill in; nothing else depends on it.
      },
    );
    return () => {
      current = false;
    };
  }, [patientId]);
  return prefill;
}
