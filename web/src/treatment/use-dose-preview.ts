// useDosePreview: calculates the dose on the server (nothing saved), 400 ms after the last change.
import { useEffect, useState } from 'react';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import type { DoseCalculationBody, DoseResult } from './treatment-types.ts';

const DEBOUNCE_MS = 400;

export interface DosePreview {
  result: DoseResult | null;
  error: ApiError | null;
  pending: boolean;
}

const EMPTY: DosePreview = { result: null, error: null, pending: false };

/** The live calculation for `request`; empty while it is null (no dose entered). */
export function useDosePreview(request: DoseCalculationBody | null): DosePreview {
  const [preview, setPreview] = useState<DosePreview>(EMPTY);
  // Compared as JSON, so a re-render that builds an equal request does not ask again.
  const body = request ? JSON.stringify(request) : null;

  useEffect(() => {
    if (body === null) {
      setPreview(EMPTY);
      return;
    }
    let current = true;
    setPreview((p) => ({ ...p, pending: true }));
    const timer = window.setTimeout(() => {
      api.post<DoseResult>('/dose-calculations', JSON.parse(body) as unknown).then(
        (result) => {
          if (current) setPreview({ result, error: null, pending: false });
        },
        (err: unknown) => {
          if (current) setPreview({ result: null, error: asApiError(err), pending: false });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [body]);

  return preview;
}
