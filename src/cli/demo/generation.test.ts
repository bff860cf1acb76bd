import { describe, expect, it } from 'vitest';
import { defaultPack } from '../../domain/harm/index.ts';
import { scoreInstrument } from '../../domain/instruments/registry.ts';
import { passwordProblem } from '../../domain/auth/password-policy.ts';
import { commonPasswords } from '../../security/common-passwords.ts';
import { gad7Answers, itemsSummingTo, phq9Answers, sdsAnswers, urinaryChecklistAnswers } from './answers.ts';
import { clinicTime, windowStart, WINDOW_DAYS } from './clock.ts';
import { assessmentInput, clinicianDecision, demoUser, evaluateDemo } from './harm-content.ts';
import { StepQueue } from './queue.ts';
import { seededRandom } from './random.ts';
import { DEMO_STAFF, demoPassword } from './staff.ts';
import { reading, restingVitals } from './vitals.ts';

describe('demo questionnaire answers', () => {
  it('add up to the total asked for and score as the instruments define them', () => {
    const random = seededRandom(1);
    for (let total = 0; total <= 27; total += 1) {
      // Without item 9 the most is 8 × 3 = 24.
      const phq9 = scoreInstrument('phq-9', phq9Answers(random, total));
      expect(phq9.ok && phq9.value.total).toBe(Math.min(total, 24));
      const flagged = scoreInstrument('phq-9', phq9Answers(random, Math.min(total, 25), 1));
      expect(flagged.ok && flagged.value.total).toBe(Math.max(1, Math.min(total, 25)));
    }
    for (let total = 0; total <= 15; total += 1) {
      const sds = scoreInstrument('sds', sdsAnswers(random, total));
      expect(sds.ok && sds.value.total).toBe(total);
    }
    const gad = scoreInstrument('gad-7', gad7Answers(random, 12));
    expect(gad.ok && gad.value.total).toBe(12);
    expect(itemsSummingTo(random, 3, 3, 20)).toEqual([3, 3, 3]);
  });

  it('flags PHQ-9 item 9 only when given, and reports the urinary symptoms given', () => {
    const random = seededRandom(2);
    expect(phq9Answers(random, 14)['9']).toBe(0);
    expect(phq9Answers(random, 14, 2)['9']).toBe(2);
    const checklist = scoreInstrument('ketamine-urinary-checklist', urinaryChecklistAnswers(['dysuria']));
    expect(checklist.ok && checklist.value.sentinelSymptoms).toEqual(['dysuria']);
  });
});

describe('demo harm assessments', () => {
  it('are valid, evaluate with the shipped pack, and rise in level with severity', () => {
    const random = seededRandom(3);
    const levels = (severity: number) =>
      Array.from({ length: 60 }, () => {
        const input = assessmentInput(random, demoUser(random), severity);
        return evaluateDemo(input.assessment, defaultPack).evaluation.level;
      });
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(levels(0.9))).toBeGreaterThan(mean(levels(0.1)));
    expect(levels(0.9).every((l) => l < 4)).toBe(true); // red flags only when asked for
  });

  it('give level 4 for a red flag, and overrides come with a reason', () => {
    const random = seededRandom(4);
    const input = assessmentInput(random, demoUser(random), 0.5, { redFlag: 'suicidal-ideation' });
    expect(evaluateDemo(input.assessment, defaultPack).evaluation.level).toBe(4);
    for (let i = 0; i < 200; i += 1) {
      const d = clinicianDecision(random, 3, 0.3);
      expect(d.confirmed === 3 ? d.reason === null : (d.reason ?? '').length > 0).toBe(true);
      expect(Math.abs(d.confirmed - 3)).toBeLessThanOrEqual(1);
    }
    expect(clinicianDecision(random, 4, 1).confirmed).toBe(4);
  });
});

describe('demo clock and queue', () => {
  it('covers 18 months ending today, with clinic times on working days', () => {
    const today = new Date('2026-12-06T10:00:00Z');
    const from = windowStart(today);
    expect(Math.round((today.getTime() - from.getTime()) / 86_400_000)).toBeGreaterThanOrEqual(WINDOW_DAYS);
    const sunday = new Date('2026-12-06T00:00:00Z');
    expect(clinicTime(sunday, 9, 30).toISOString()).toBe('2026-12-07T09:30:00.000Z');
  });

  it('gives steps back earliest first, and steps at one time in the order they were added', () => {
    const queue = new StepQueue<string>();
    const t = (m: number) => new Date(Date.UTC(2026, 0, 1, 9, m));
    for (const [m, label] of [
      [5, 'c'],
      [1, 'a'],
      [5, 'd'],
      [3, 'b'],
      [9, 'e'],
    ] as const)
      queue.push(t(m), label);
    const out: string[] = [];
    for (let next = queue.pop(); next; next = queue.pop()) out.push(next.item);
    expect(out).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('demo vitals and staff', () => {
  it('recover to within the discharge range of the baseline; a surge is hypertensive', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 100; i += 1) {
      const resting = restingVitals(random);
      const base = reading(random, resting, new Date(), 0);
      const after = reading(random, resting, new Date(), 0.01);
      expect(Math.abs(after.systolic - base.systolic) / base.systolic).toBeLessThan(0.15);
      expect(Math.abs(after.heartRate - base.heartRate) / base.heartRate).toBeLessThan(0.15);
      expect(reading(random, resting, new Date(), 0.1, true).systolic).toBeGreaterThanOrEqual(180);
    }
  });

  it('has a sign-in for every clinical role, with passwords the policy accepts', () => {
    const roles = new Set(DEMO_STAFF.flatMap((m) => m.roles));
    for (const role of ['admin', 'supervisor', 'prescriber', 'nurse', 'practitioner', 'cd-officer'])
      expect(roles.has(role as never)).toBe(true);
    for (const member of DEMO_STAFF) {
      const password = demoPassword(member);
      expect(passwordProblem(password, { ...member, common: commonPasswords() })).toBeNull();
    }
  });
});
