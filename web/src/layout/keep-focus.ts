// keepFocus: navigation state that asks the signed-in layout not to move focus to <main> after the navigation.
//
// A tab of a tab list and a dosing session just started move focus themselves (WAI-ARIA tabs pattern; the
// session's heading), so the layout's "focus the new page" step (WCAG 2.4.3) must not take it from them.

/** The state to pass to navigate() or <Link> for a navigation that places focus itself. */
export const KEEP_FOCUS = { keepFocus: true } as const;

/** Whether a location's state asks to keep focus where the page put it. */
export function keepsFocus(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as { keepFocus?: unknown }).keepFocus === true;
}
