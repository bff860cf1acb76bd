// The navigation state of a session page opened right after "Start session": what it carries and what it ignores.
import { describe, expect, it } from 'vitest';
import { keepsFocus } from '../layout/keep-focus.ts';
import { sessionStartState, startedWith } from './session-start-state.ts';

const caution = { code: 'pregnancy-unknown', text: 'Confirm pregnancy status.', source: 'Protocol §3' };

describe('the state a just-started session is opened with', () => {
  it('carries the start notes and keeps focus for the session heading', () => {
    const state = sessionStartState([caution]);
    expect(startedWith(state)).toEqual([caution]);
    expect(keepsFocus(state)).toBe(true);
  });

  it('carries an empty list when the start raised no note', () => {
    expect(startedWith(sessionStartState([]))).toEqual([]);
  });

  it('reads no start from a link, a reload without state, or a flash message', () => {
    for (const state of [null, undefined, 'started', { flash: 'Patient registered.' }, { keepFocus: true }]) {
      expect(startedWith(state)).toBeNull();
    }
    expect(startedWith({ justStarted: true, startNotes: 'not a list' })).toBeNull();
  });

  it('moves focus to the page for any other navigation', () => {
    for (const state of [null, { flash: 'Saved.' }, { keepFocus: 'yes' }])
      expect(keepsFocus(state)).toBe(false);
  });
});
