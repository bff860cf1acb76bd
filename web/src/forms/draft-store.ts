// Draft store: unsaved form text in this tab's sessionStorage, for one signed-in user only (it is health data).

// sessionStorage, never localStorage: drafts end with the tab and never reach another tab or a later visit.
const PREFIX = 'kaspr.draft:';
const OWNER = 'kaspr.draft-owner';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage blocked: forms work, drafts are not kept
  }
}

/** The storage key of one form's draft: the user, the page and the form. */
export function draftKey(userId: string, path: string, form: string): string {
  return `${PREFIX}${userId}:${path}#${form}`;
}

/** The stored draft, or undefined when there is none (or it cannot be read). */
export function readDraft(key: string): unknown {
  const raw = storage()?.getItem(key);
  if (raw == null) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/** Keeps a draft; a full or blocked store just means it is not kept. */
export function writeDraft(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Quota or blocked storage: the form still works.
  }
}

/** Forgets one draft (after its form was saved). */
export function removeDraft(key: string): void {
  storage()?.removeItem(key);
}

function draftKeys(store: Storage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i += 1) {
    const key = store.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  return keys;
}

/** True when this tab holds any unsaved draft. */
export function hasDrafts(): boolean {
  const store = storage();
  return store ? draftKeys(store).length > 0 : false;
}

/** Forgets every draft in this tab: on an explicit sign-out. */
export function clearDrafts(): void {
  const store = storage();
  if (!store) return;
  for (const key of draftKeys(store)) store.removeItem(key);
  store.removeItem(OWNER);
}

/** At sign-in: keeps the drafts when the same user signs in again, and discards another user's at once. */
export function claimDrafts(userId: string): void {
  const store = storage();
  if (!store) return;
  if (store.getItem(OWNER) !== userId) clearDrafts();
  try {
    store.setItem(OWNER, userId);
  } catch {
    // Blocked storage: nothing is kept anyway.
  }
}
