// useApiData: load one GET resource for a component, with loading, error and reload, never leaking a rejection.
import { useCallback, useEffect, useState } from 'react';
import { asApiError, type ApiError } from './api-error.ts';
import { request } from './client.ts';

export interface ApiData<T> {
  data: T | null;
  etag: string | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Fetches `path` (skipped when null) and refetches on reload() or when the path changes. */
export function useApiData<T>(path: string | null): ApiData<T> {
  const [state, setState] = useState<{
    data: T | null;
    etag: string | null;
    error: ApiError | null;
    loading: boolean;
  }>({
    data: null,
    etag: null,
    error: null,
    loading: path !== null,
  });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (path === null) return;
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    request<T>('GET', path).then(
      (res) => {
        if (current) setState({ data: res.data, etag: res.etag, error: null, loading: false });
      },
      (err: unknown) => {
        if (current) setState((s) => ({ ...s, error: asApiError(err), loading: false }));
      },
    );
    return () => {
      current = false;
    };
  }, [path, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
