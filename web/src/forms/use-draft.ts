// useDraft: form state kept as a draft in this tab, so text typed survives a forced sign-in and is restored.
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { useLocation } from 'react-router';
import { useSession } from '../session/session-context.ts';
import { draftKey, readDraft, removeDraft, writeDraft } from './draft-store.ts';

export interface DraftOptions<T> {
  /** Fields never to keep (e.g. a password): they start from `initial` when a draft is restored. */
  omit?: readonly (keyof T)[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function restore<T>(stored: unknown, initial: T): T {
  if (stored === undefined) return initial;
  // Fields added since the draft was kept take their initial value.
  if (isRecord(initial) && isRecord(stored)) return { ...initial, ...stored };
  return stored as T;
}

function strip<T>(value: T, omit: readonly (keyof T)[] | undefined): unknown {
  if (!omit?.length || !isRecord(value)) return value;
  const left = new Set<PropertyKey>(omit);
  return Object.fromEntries(Object.entries(value).filter(([k]) => !left.has(k)));
}

/**
 * Like useState, and the value is kept under (user, page, `key`) as it changes, restored when the form
 * mounts again, and forgotten by `clear()` (call it when the form is saved). Values must be plain JSON.
 */
export function useDraft<T>(
  key: string,
  initial: T,
  options: DraftOptions<T> = {},
): [T, Dispatch<SetStateAction<T>>, () => void] {
  const userId = useSession().session?.user.id ?? null;
  const { pathname } = useLocation();
  const storageKey = userId ? draftKey(userId, pathname, key) : null;
  const [value, setValue] = useState<T>(() =>
    storageKey ? restore(readDraft(storageKey), initial) : initial,
  );
  // Only what the person changed is kept: an untouched form leaves no draft behind.
  const touched = useRef(false);
  const omit = useRef(options.omit);

  useEffect(() => {
    if (touched.current && storageKey) writeDraft(storageKey, strip(value, omit.current));
  }, [value, storageKey]);

  const set = useCallback<Dispatch<SetStateAction<T>>>((next) => {
    touched.current = true;
    setValue(next);
  }, []);

  const clear = useCallback(() => {
    touched.current = false;
    if (storageKey) removeDraft(storageKey);
  }, [storageKey]);

  return [value, set, clear];
}

/** True when this page holds a kept draft for form `key`: a section can reopen its form to restore it. */
export function useHasDraft(key: string): boolean {
  const userId = useSession().session?.user.id ?? null;
  const { pathname } = useLocation();
  const [has] = useState(() => (userId ? readDraft(draftKey(userId, pathname, key)) !== undefined : false));
  return has;
}
