// Keyboard flow through a questionnaire form: after a digit answers one item, focus moves to the next asked item.

/** The score a key stands for ("0"–"9"), or null for any other key or when a modifier is held. */
export function digitOf(e: {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}): number | null {
  if (e.altKey || e.ctrlKey || e.metaKey || !/^[0-9]$/.test(e.key)) return null;
  return Number(e.key);
}

/**
 * Focuses the next enabled item fieldset after `current` within its form (its checked radio, else the first),
 * or `fallback` (the save button) when `current` was the last one.
 */
export function focusNextItem(current: HTMLFieldSetElement, fallback: HTMLElement | null): void {
  const form = current.form ?? current.closest('form');
  if (!form) return;
  const all = Array.from(form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-item]:not([disabled])'));
  const next = all[all.indexOf(current) + 1];
  if (!next) {
    fallback?.focus();
    return;
  }
  const target =
    next.querySelector<HTMLInputElement>('input[type="radio"]:checked') ??
    next.querySelector<HTMLInputElement>('input[type="radio"]');
  target?.focus();
}
