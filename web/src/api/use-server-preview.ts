// useServerPreview: asks the server for a reply to a draft (nothing saved), a short while after the last change.
import { useEffect, useState } from 'react';
import { asApiError, type ApiError } from './api-error.ts';
import { api } from './client.ts';

export interface ServerPreview<T> {
  result: T | null;
  error: ApiError | null;
  pending: boolean;
}

const EMPTY = { result: null, error: null, pending: false } as const;

/**
 * POSTs `body` to `path` `delayMs` after it last changed and keeps the latest reply; empty while `body` is
 * null (too little entered). Bodies are compared as JSON, so a re-render that builds an equal one does not
 * ask again, and a reply to an older body is never shown.
 */
export function useServerPreview<T>(path: string, body: unknown, delayMs: number): ServerPreview<T> {
  const [preview, setPreview] = useState<ServerPreview<T>>(EMPTY);
  const json = body === null ? null : JSON.stringify(body);

  useEffect(() => {
    if (json === null) {
      setPreview(EMPTY);
      return;
    }
    let current = true;
    setPreview((p) => ({ ...p, pending: true }));
    const timer = window.setTimeout(() => {
      api.post<T>(path, JSON.parse(json) as unknown).then(
        (result) => {
          if (current) setPreview({ result, error: null, pending: false });
        },
        (err: unknown) => {
          if (current) setPreview({ result: null, error: asApiError(err), pending: false });
        },
      );
    }, delayMs);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [path, json, delayMs]);

  return preview;
}
