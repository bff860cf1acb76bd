// Page activity: typing, clicking, scrolling and focus changes in the page, so the idle timeout spares a person at work.

/** Events that show a person is using the page (pointer movement alone does not: a knocked mouse is not a person). */
export const ACTIVITY_EVENTS = ['keydown', 'input', 'pointerdown', 'focusin', 'wheel'] as const;

let lastInputAt = 0;

/** When the person last did something in the page (0 when not yet). */
export function lastInput(): number {
  return lastInputAt;
}

/**
 * Calls `onActivity` for activity in the page, at most once per `throttleMs`, after recording the time of
 * every event. Returns the function that stops listening.
 */
export function watchPageActivity(onActivity: () => void, throttleMs = 1_000): () => void {
  let lastCall = 0;
  const seen = () => {
    const now = Date.now();
    lastInputAt = now;
    if (now - lastCall < throttleMs) return;
    lastCall = now;
    onActivity();
  };
  for (const name of ACTIVITY_EVENTS) document.addEventListener(name, seen, { capture: true, passive: true });
  return () => {
    for (const name of ACTIVITY_EVENTS) document.removeEventListener(name, seen, { capture: true });
  };
}
