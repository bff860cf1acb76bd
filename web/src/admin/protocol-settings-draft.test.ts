import { describe, expect, it } from 'vitest';
import type { ProtocolSetting } from '../../../src/domain/treatment/protocol-settings.ts';
import { changes, draftOf, settingsProblems, shown } from './protocol-settings-draft.ts';

const setting = (change: Partial<ProtocolSetting>): ProtocolSetting => ({
  path: 'vitals.maxSystolic',
  kind: 'number',
  default: 180,
  value: 180,
  overridden: false,
  unit: 'mmHg',
  source: 'test',
  certainty: 'verified',
  ...change,
});

describe('protocol settings draft', () => {
  it('holds numbers as text and switches as booleans', () => {
    const draft = draftOf([
      setting({}),
      setting({ path: 'rems', kind: 'yes-no', default: true, value: false }),
    ]);
    expect(draft).toEqual({ 'vitals.maxSystolic': '180', rems: false });
    expect(shown(true)).toBe('yes');
    expect(shown(160)).toBe('160');
  });

  it('sends only the values that changed', () => {
    expect(changes([setting({})], { 'vitals.maxSystolic': '180' })).toEqual({});
    expect(changes([setting({})], { 'vitals.maxSystolic': '170' })).toEqual({ 'vitals.maxSystolic': 170 });
  });

  it('sends an overridden value set back to its default as null, so the default applies again', () => {
    const overridden = setting({ value: 170, overridden: true });
    expect(changes([overridden], { 'vitals.maxSystolic': '180' })).toEqual({ 'vitals.maxSystolic': null });
  });

  it('asks for a number, a change and a reason before sending', () => {
    const blank = changes([setting({})], { 'vitals.maxSystolic': ' ' });
    expect(settingsProblems(blank, 'why')).toEqual({ 'settings.vitals.maxSystolic': 'Enter a number' });
    expect(settingsProblems({}, '  ')).toEqual({
      settings: 'Change at least one value',
      reason: 'Say why the clinic changes these settings',
    });
  });
});
