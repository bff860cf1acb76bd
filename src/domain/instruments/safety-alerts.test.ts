import { describe, expect, it } from 'vitest';
import { scoreInstrument } from './registry.ts';
import { alertTaskRouting, responseAlerts, safetyAlerts, sentinelSymptomAlert } from './safety-alerts.ts';
import type { Answers } from './types.ts';

const flagsOf = (id: string, answers: Answers) => {
  const outcome = scoreInstrument(id, answers);
  if (!outcome.ok) throw new Error('invalid answers in test');
  return outcome.value.flags;
};

const phq9 = (item9: number): Answers => ({
  '1': 1,
  '2': 1,
  '3': 1,
  '4': 1,
  '5': 1,
  '6': 1,
  '7': 1,
  '8': 1,
  '9': item9,
});

describe('safetyAlerts', () => {
  it('raises an urgent alert when PHQ-9 item 9 is above 0, and none at 0', () => {
    expect(safetyAlerts(flagsOf('phq-9', phq9(0)), 'PHQ-9')).toEqual([]);
    const alerts = safetyAlerts(flagsOf('phq-9', phq9(1)), 'PHQ-9');
    expect(alerts.map((a) => [a.code, a.taskPriority])).toEqual([['phq9-item9-positive', 'urgent']]);
  });

  it('raises an alert for C-SSRS moderate and high triage, not for low', () => {
    const low = { '1': 1, '2': 0, '6': 0 };
    const moderate = { '1': 1, '2': 1, '3': 1, '4': 0, '5': 0, '6': 0 };
    const high = { '1': 1, '2': 1, '3': 1, '4': 1, '5': 0, '6': 0 };
    expect(safetyAlerts(flagsOf('cssrs-screener', low), 'C-SSRS')).toEqual([]);
    expect(safetyAlerts(flagsOf('cssrs-screener', moderate), 'C-SSRS').map((a) => a.code)).toEqual([
      'cssrs-moderate',
    ]);
    expect(safetyAlerts(flagsOf('cssrs-screener', high), 'C-SSRS').map((a) => a.code)).toContain(
      'cssrs-high',
    );
  });

  it('ignores flags that are not safety flags', () => {
    expect(safetyAlerts([{ code: 'probable-ptsd', severity: 'warning', text: 'x' }], 'PCL-5')).toEqual([]);
  });
});

describe('sentinelSymptomAlert', () => {
  const checklist = (answers: Answers) => {
    const outcome = scoreInstrument('ketamine-urinary-checklist', answers);
    if (!outcome.ok) throw new Error('invalid answers in test');
    return outcome.value;
  };
  const none = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0, '7': 0 };

  it('stays quiet when no urinary symptom is reported', () => {
    expect(sentinelSymptomAlert(checklist(none), 'Checklist')).toBeNull();
  });

  it('alerts on any sentinel urinary symptom, naming them', () => {
    const alert = sentinelSymptomAlert(checklist({ ...none, '1': 1, '2': 1 }), 'Checklist');
    expect(alert?.code).toBe('sentinel-symptom-reported');
    expect(alert?.text).toContain('urinary-frequency');
    expect(alert?.text).toContain('urinary-urgency');
  });

  it('leaves visible haematuria to its own urgent red flag', () => {
    const result = checklist({ ...none, '5': 1 });
    expect(sentinelSymptomAlert(result, 'Checklist')).toBeNull();
    expect(safetyAlerts(result.flags, 'Checklist').map((a) => a.code)).toEqual([
      'red-flag-visible-haematuria',
    ]);
  });
});

describe('responseAlerts and alertTaskRouting', () => {
  it('lists safety-flag alerts first, then the sentinel surveillance alert', () => {
    const outcome = scoreInstrument('ketamine-urinary-checklist', {
      '1': 1,
      '2': 0,
      '3': 0,
      '4': 0,
      '5': 1,
      '6': 0,
      '7': 0,
    });
    if (!outcome.ok) throw new Error('invalid answers in test');
    const codes = responseAlerts(outcome.value, 'Checklist').map((a) => a.code);
    expect(codes[codes.length - 1]).toBe('sentinel-symptom-reported');
  });

  it('gives the task to the clinician who recorded it, and a self-report to the service queue', () => {
    expect(
      alertTaskRouting({ instrumentTitle: 'PHQ-9', source: 'clinician', recordedBy: 'u1' }).assignedTo,
    ).toBe('u1');
    const selfReport = alertTaskRouting({
      instrumentTitle: 'PHQ-9',
      source: 'self-report',
      recordedBy: null,
    });
    expect(selfReport.assignedTo).toBeNull();
    expect(selfReport.detail).toMatch(/self-report/);
  });
});
