// Loaded: what a loading resource shows: its error, "Loading…" until the first reply, then the content.
import type { ReactNode } from 'react';
import type { ApiError } from '../api/api-error.ts';
import { Notice } from './Notice.tsx';

interface LoadedProps<T> {
  /** A `useApiData` result, or any { data, error, loading }. */
  data: { data: T | null; error: ApiError | null; loading: boolean };
  /** The status line while nothing has arrived yet (e.g. "Loading staff…"); null for none. */
  loading?: string | null;
  children: (data: T) => ReactNode;
}

/** The error as an alert, the loading line as a status, and the children once there is data. */
export function Loaded<T>({ data, loading = 'Loading…', children }: LoadedProps<T>) {
  return (
    <>
      {data.error ? <Notice kind="error">{data.error.detail ?? data.error.title}</Notice> : null}
      {loading !== null && data.loading && data.data === null ? <p role="status">{loading}</p> : null}
      {data.data !== null ? children(data.data) : null}
    </>
  );
}
