import { describe, expect, it } from 'vitest';
import { parseAssessment } from './assessment-parse.ts';
import { compareAssessments, type EvaluatedAssessment } from './compare.ts';
import { defaultPack } from './default-pack.ts';
import { evaluateHarm } from './evaluate.ts';
import { reassessmentTaskAssignee, reassessmentTasks } from './reassessment-notices.ts';
import { assessmentJson, valueOf, type AssessmentJson } from './test-fixtures.ts';

const assessors = { previous: 'user-previous', current: 'user-current' };

function evaluated(json: AssessmentJson): EvaluatedAssessment {
  return { assessment: valueOf(parseAssessment(json)), evaluation: valueOf(evaluateHarm(json, defaultPack)) };
}

describe('reassessmentTaskAssignee', () => {
  it('gives the task to whoever assessed the patient last time', () => {
    expect(reassessmentTaskAssignee(assessors)).toBe('user-previous');
  });

  it('gives the task to the clinician re-assessing when nobody assessed before', () => {
    expect(reassessmentTaskAssignee({ previous: null, current: 'user-current' })).toBe('user-current');
  });

  it('gives the task to the same clinician when they also assessed last time', () => {
    expect(reassessmentTaskAssignee({ previous: 'user-current', current: 'user-current' })).toBe(
      'user-current',
    );
  });
});

describe('reassessmentTasks', () => {
  it('raises nothing when nothing changed', () => {
    expect(reassessmentTasks([], assessors)).toEqual([]);
  });

  it('raises one warning per new symptom and one urgent task per new red flag, all for the previous assessor', () => {
    const tasks = reassessmentTasks(
      [
        { code: 'new-symptom', symptom: 'dysuria' },
        { code: 'new-red-flag', redFlag: 'visible-haematuria' },
      ],
      assessors,
    );
    expect(tasks.map((t) => [t.code, t.severity, t.taskPriority, t.assignedTo])).toEqual([
      ['harm-new-symptom', 'warning', 'high', 'user-previous'],
      ['harm-new-red-flag', 'urgent', 'urgent', 'user-previous'],
    ]);
  });

  it("names symptoms and red flags by the form's labels, not their codes", () => {
    const tasks = reassessmentTasks(
      [
        { code: 'new-symptom', symptom: 'urinary-frequency' },
        { code: 'new-red-flag', redFlag: 'suicidal-ideation' },
        { code: 'new-red-flag', redFlag: 'loin-pain-with-fever' },
      ],
      assessors,
    );
    expect(tasks.map((t) => t.text)).toEqual([
      'New sentinel symptom since last assessment: Urinary frequency',
      'New red flag: Suicidal thoughts',
      'New red flag: loin pain with fever',
    ]);
  });

  it('keeps the alert text as the task title after "Re-assessment:"', () => {
    const [task] = reassessmentTasks([{ code: 'level-rose', from: 2, to: 3 }], assessors);
    expect(task).toMatchObject({
      text: 'Level of need rose from 2 to 3',
      taskTitle: 'Re-assessment: Level of need rose from 2 to 3',
      taskDetail: 'Review the change and the care plan.',
    });
  });

  // The edge is a rise of one level: staying at the same level raises no level task, one level up does.
  it.each([
    ['stays at 1', [], 0],
    ['rises from 1 to 2', [{ code: 'urinary-frequency' }], 1],
  ])('when the level %s, raises %i urgent level-rise task(s)', (_label, symptoms, count) => {
    const previous = evaluated(assessmentJson({ use: { daysUsedLast28: 2 } }));
    const current = evaluated(assessmentJson({ use: { daysUsedLast28: 2 }, symptoms }));
    const rises = reassessmentTasks(compareAssessments(previous, current).alerts, assessors).filter(
      (t) => t.code === 'harm-level-rose',
    );
    expect(rises).toHaveLength(count);
    for (const rise of rises) expect(rise).toMatchObject({ severity: 'urgent', taskPriority: 'urgent' });
  });

  it('raises nothing for a fall in level', () => {
    const previous = evaluated(
      assessmentJson({ use: { daysUsedLast28: 2 }, symptoms: [{ code: 'urinary-frequency' }] }),
    );
    const current = evaluated(assessmentJson({ use: { daysUsedLast28: 2 } }));
    const comparison = compareAssessments(previous, current);
    expect(comparison.levelChange).toBe('down');
    expect(reassessmentTasks(comparison.alerts, assessors)).toEqual([]);
  });
});
