import { describe, expect, it } from 'vitest';
import { protocolSettings } from './protocol-settings.ts';
import { defaultProtocolContent } from './protocols.ts';
import { settingLabel } from './setting-labels.ts';

describe('settingLabel', () => {
  it('names every setting of every shipped protocol in words, never by its path', () => {
    for (const content of defaultProtocolContent) {
      for (const s of protocolSettings(content, {})) {
        const label = settingLabel(s.path);
        expect(label).not.toContain('.');
        expect(label).not.toMatch(/[a-z][A-Z]/);
        expect(label.length).toBeGreaterThan(8);
      }
    }
  });

  it('names known settings from the protocol’s descriptions', () => {
    expect(settingLabel('discharge.observation.minimum')).toBe('Discharge: minimum observation time');
    expect(settingLabel('alerts.systolicRise')).toBe('Alert: systolic rise from baseline of at least');
  });

  it('reads an unnamed setting as its words', () => {
    expect(settingLabel('preDose.someNewLimit')).toBe('Pre dose: some new limit');
  });
});
