import { describe, expect, it } from 'vitest';
import { calculateDose } from './dose.ts';
import { checkOverrides, effectiveProtocol, protocolSettings } from './protocol-settings.ts';
import { ivRacemicPsychiatric } from './protocol-iv-psychiatric.ts';
import { sublingualKap } from './protocol-sublingual.ts';
import { TODAY, valueOf, weighed } from './test-fixtures.ts';
import { mgPerKg, minutes } from './units.ts';

const by = { version: 3, changedAt: '2026-12-05T10:00:00.000Z' };

describe('protocolSettings', () => {
  it('lists every field whose basis is setting, with its default, unit, source and certainty', () => {
    const settings = protocolSettings(ivRacemicPsychiatric, {});
    const paths = settings.map((s) => s.path);
    expect(paths).toContain('preDose.systolicAbove');
    expect(paths).toContain('alerts.systolic');
    expect(paths).toContain('alerts.systolicLow');
    expect(paths).toContain('dose.hardMax');
    expect(paths).toContain('discharge.vitalsTolerance');
    // Facts (e.g. the ASKP usual range) are not settings.
    expect(paths).not.toContain('dose.usualMax');
    expect(settings.find((s) => s.path === 'preDose.systolicAbove')).toMatchObject({
      kind: 'number',
      default: 140,
      value: 140,
      overridden: false,
      unit: 'mmHg',
      certainty: 'secondary',
    });
  });

  it('shows a service value as overridden', () => {
    const s = protocolSettings(ivRacemicPsychiatric, { 'preDose.systolicAbove': 150 });
    expect(s.find((x) => x.path === 'preDose.systolicAbove')).toMatchObject({
      value: 150,
      default: 140,
      overridden: true,
    });
  });

  it('includes yes/no settings such as ACLS for clinic KAP sessions (default on, ASKP tenet 6)', () => {
    expect(
      protocolSettings(sublingualKap, {}).find((s) => s.path === 'staffing.aclsClinician'),
    ).toMatchObject({
      kind: 'yes-no',
      default: true,
    });
  });
});

describe('effectiveProtocol', () => {
  it('applies a service value, cites the service and the shipped default, and the dose rules use it', () => {
    const p = valueOf(effectiveProtocol(ivRacemicPsychiatric, { 'dose.hardMax': 1.2 }, by));
    expect(p.dose.kind === 'weight-based' && p.dose.hardMax.value).toBe(1.2);
    expect(p.dose.kind === 'weight-based' && p.dose.hardMax.source).toMatch(
      /^Set by this service \(settings version 3, 2026-12-05T10:00:00\.000Z\); shipped default 1\.5 mg\/kg: KASPR setting/,
    );
    const dose = calculateDose({
      protocol: p,
      weight: weighed(70),
      today: TODAY,
      mgPerKg: mgPerKg(1.3),
      durationMin: minutes(40),
      prescriberReason: 'plan',
    });
    expect(dose.ok ? [] : dose.problems.map((x) => x.code)).toEqual(['dose-above-protocol-maximum']);
  });

  it('refuses a fact, an unknown path and a value of the wrong kind, naming each field', () => {
    const out = effectiveProtocol(
      ivRacemicPsychiatric,
      { 'dose.usualMax': 2, 'dose.nope': 1, 'preDose.systolicAbove': true },
      by,
    );
    expect(out.ok ? [] : out.problems.map((p) => [p.code, p.path])).toEqual([
      ['not-a-setting', 'settings.dose.usualMax'],
      ['not-a-setting', 'settings.dose.nope'],
      ['wrong-type', 'settings.preDose.systolicAbove'],
    ]);
    expect(checkOverrides(ivRacemicPsychiatric, { 'preDose.systolicAbove': 150 })).toEqual([]);
  });

  it('refuses a value the protocol validator refuses (a hard maximum below the usual range, a negative)', () => {
    const below = effectiveProtocol(ivRacemicPsychiatric, { 'dose.hardMax': 0.9 }, by);
    expect(below.ok ? [] : below.problems.map((p) => [p.code, p.path])).toEqual([
      ['inconsistent-range', 'protocol.dose.hardMax'],
    ]);
    const negative = effectiveProtocol(ivRacemicPsychiatric, { 'preDose.systolicAbove': -1 }, by);
    expect(negative.ok ? [] : negative.problems.map((p) => [p.code, p.path])).toEqual([
      ['out-of-range', 'protocol.preDose.systolicAbove.value'],
    ]);
  });

  it('with no overrides gives the shipped protocol unchanged', () => {
    expect(valueOf(effectiveProtocol(ivRacemicPsychiatric, {}, by))).toEqual(ivRacemicPsychiatric);
  });
});
