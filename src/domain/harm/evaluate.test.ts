import { describe, expect, it } from 'vitest';
import { defaultPack, defaultPackContent, shippedPacks } from './default-pack.ts';
import { evaluateHarm } from './evaluate.ts';
import type { ContentPack } from './pack-types.ts';
import { validateContentPack } from './pack-validate.ts';
import {
  assessmentJson,
  interventionIds,
  problemsOf,
  reasonIds,
  valueOf,
  withSymptoms,
} from './test-fixtures.ts';

const busy = assessmentJson({
  use: { daysUsedLast28: 22, routes: ['nasal'], bingeing: true, escalating: true, coUse: ['alcohol'] },
  symptoms: [
    { code: 'urinary-urgency', onset: '2026-09-01' },
    { code: 'visible-haematuria' },
    { code: 'memory-problems' },
  ],
  risks: ['exploitation'],
  measures: { sdsTotal: 9, urinaryChecklistPositive: true },
  labs: { egfr: 75, creatinineUmolL: 88 },
});

describe('evaluateHarm: combinations', () => {
  it('proposes the highest triggered level and lists every triggered rule, highest first, then in pack order', () => {
    const evaluation = valueOf(evaluateHarm(busy, defaultPack));
    expect(evaluation.level).toBe(4);
    expect(evaluation.levelLabel).toBe('Urgent');
    expect(reasonIds(evaluation)).toEqual([
      'red-flag-visible-haematuria',
      'near-daily-use',
      'harm-in-two-or-more-domains',
      'sds-dependence',
      'sentinel-urinary-symptom',
      'sentinel-cognitive-symptom',
      'urinary-checklist-positive',
      'use-on-4-or-more-days',
      'bingeing',
      'escalating-use',
      'risk-exploitation',
      'risk-co-use-depressants',
    ]);
    expect(evaluation.reasons.map((r) => r.level)).toEqual([4, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2]);
  });

  it('gives each reason its own inputs, source and certainty', () => {
    const evaluation = valueOf(evaluateHarm(busy, defaultPack));
    const byId = Object.fromEntries(evaluation.reasons.map((r) => [r.ruleId, r]));
    expect(byId['harm-in-two-or-more-domains']).toMatchObject({
      inputs: {
        'symptoms.0.code': 'urinary-urgency',
        'symptoms.1.code': 'visible-haematuria',
        'symptoms.2.code': 'memory-problems',
      },
      derived: { domains: ['urinary-tract', 'cognitive'] },
      certainty: 'synthesis',
    });
    expect(byId['risk-co-use-depressants']?.inputs).toEqual({ 'use.coUse.0': 'alcohol' });
    expect(byId['sds-dependence']).toMatchObject({
      inputs: { 'measures.sdsTotal': 9 },
      certainty: 'unverified',
    });
    for (const reason of evaluation.reasons) expect(reason.source.length).toBeGreaterThan(20);
  });

  it('takes the winning level’s interventions and review interval, then each rule’s own, without repeats', () => {
    const evaluation = valueOf(evaluateHarm(busy, defaultPack));
    expect(evaluation.reviewWithinDays).toBe(1);
    expect(interventionIds(evaluation)).toEqual([
      'urgent-medical-review',
      'physical-health-monitoring',
      'harm-reduction-advice',
      'urology-referral',
      'structured-psychosocial',
      'multidisciplinary-review',
      'safeguarding',
    ]);
    expect(evaluation.interventions.find((i) => i.id === 'structured-psychosocial')?.triggeredBy).toEqual([
      'near-daily-use',
      'sds-dependence',
    ]);
    expect(evaluation.redFlags).toEqual(['visible-haematuria']);
  });

  it('reports several red flags together, in reason order', () => {
    const evaluation = valueOf(
      evaluateHarm({ ...withSymptoms('suicidal-ideation', 'jaundice'), labs: { egfr: 30 } }, defaultPack),
    );
    expect(evaluation.redFlags).toEqual(['jaundice', 'suicidal-ideation', 'egfr-below-60']);
  });

  it('names the rules it could not decide because optional inputs were not recorded', () => {
    const evaluation = valueOf(evaluateHarm(assessmentJson(), defaultPack));
    expect(evaluation.undecided).toEqual([
      { ruleId: 'red-flag-egfr-below-60', level: 4, missing: ['labs.egfr'] },
      { ruleId: 'sds-dependence', level: 3, missing: ['measures.sdsTotal'] },
      { ruleId: 'creatinine-above-100', level: 3, missing: ['labs.creatinineUmolL'] },
      { ruleId: 'phq9-moderate-or-above', level: 2, missing: ['measures.phq9Total'] },
      { ruleId: 'liver-tests-above-reference', level: 2, missing: ['labs.alt', 'labs.alp'] },
      { ruleId: 'urinary-checklist-positive', level: 2, missing: ['measures.urinaryChecklistPositive'] },
      { ruleId: 'risk-co-use-depressants', level: 2, missing: ['use.coUse'] },
    ]);
  });
});

describe('evaluateHarm: provisional proposals (review §6 item 22)', () => {
  it('marks a level-1 proposal made without eGFR, SDS and the rest as provisional, up to level 4', () => {
    const evaluation = valueOf(evaluateHarm(assessmentJson(), defaultPack));
    expect(evaluation).toMatchObject({ level: 1, provisional: true, couldRaiseTo: 4 });
    expect(evaluation.missingInputs).toEqual([
      'labs.egfr',
      'measures.sdsTotal',
      'labs.creatinineUmolL',
      'measures.phq9Total',
      'labs.alt',
      'labs.alp',
      'measures.urinaryChecklistPositive',
      'use.coUse',
    ]);
  });

  it('names only the inputs of rules above the proposed level', () => {
    const evaluation = valueOf(
      evaluateHarm(assessmentJson({ measures: { sdsTotal: 5 }, labs: { creatinineUmolL: 80 } }), defaultPack),
    );
    expect(evaluation).toMatchObject({
      level: 3,
      provisional: true,
      missingInputs: ['labs.egfr'],
      couldRaiseTo: 4,
    });
  });

  it('is not provisional once every input a higher rule reads is recorded', () => {
    const evaluation = valueOf(
      evaluateHarm(
        assessmentJson({
          use: { coUse: [] },
          measures: { sdsTotal: 2, phq9Total: 3, urinaryChecklistPositive: false },
          labs: { egfr: 90, creatinineUmolL: 80, alt: 20, alp: 70 },
        }),
        defaultPack,
      ),
    );
    expect(evaluation).toMatchObject({
      level: 1,
      provisional: false,
      missingInputs: [],
      couldRaiseTo: null,
      undecided: [],
    });
    expect(evaluation.reasons[0]?.text).toContain('Every input the rules read was recorded.');
  });

  it('is not provisional at level 4: nothing missing could raise it', () => {
    const evaluation = valueOf(evaluateHarm(withSymptoms('visible-haematuria'), defaultPack));
    expect(evaluation).toMatchObject({ level: 4, provisional: false, couldRaiseTo: null });
  });

  it('is provisional at level 3 when only eGFR (a level-4 rule) is missing, and not at level 3 with eGFR 60', () => {
    const base = { use: { coUse: [] }, measures: { sdsTotal: 4 } };
    expect(valueOf(evaluateHarm(assessmentJson(base), defaultPack))).toMatchObject({
      level: 3,
      provisional: true,
      missingInputs: ['labs.egfr'],
    });
    expect(valueOf(evaluateHarm(assessmentJson({ ...base, labs: { egfr: 60 } }), defaultPack))).toMatchObject(
      { level: 3, provisional: false },
    );
  });

  it('says in the baseline which inputs were not recorded instead of "no red flag was recorded"', () => {
    const [reason] = valueOf(evaluateHarm(assessmentJson(), defaultPack)).reasons;
    expect(reason?.text).not.toMatch(/no red flag/i);
    expect(reason?.text).toContain(
      'Not recorded: eGFR, SDS total, serum creatinine, PHQ-9 total, ALT, ALP, urinary checklist, substances used alongside ketamine;',
    );
    expect(reason?.text).toContain('not reassurance');
    expect(reason?.text).toContain(
      'TOP ratings, urinalysis text, typical amount and age at first use are informational',
    );
  });

  it('keeps the 1.0.0 baseline text unchanged, so its stored recommendations replay identically', () => {
    const v1 = shippedPacks.find((p) => p.version === '1.0.0');
    if (v1 === undefined) throw new Error('1.0.0 is not shipped');
    const [reason] = valueOf(evaluateHarm(assessmentJson(), v1)).reasons;
    expect(reason?.text).toBe(v1.baseline.text);
  });
});

describe('evaluateHarm: nothing triggered', () => {
  it('proposes level 1 for an empty assessment and still explains itself', () => {
    const evaluation = valueOf(evaluateHarm(assessmentJson(), defaultPack));
    expect(evaluation).toMatchObject({
      level: 1,
      levelLabel: 'Harm reduction and monitoring',
      reviewWithinDays: 90,
      redFlags: [],
    });
    expect(evaluation.reasons).toEqual([
      expect.objectContaining({
        ruleId: 'no-rule-triggered',
        level: 1,
        text: expect.stringContaining('No rule in this pack triggered'),
        inputs: { 'use.daysUsedLast28': 0, 'use.bingeing': false, 'use.escalating': false },
      }),
    ]);
    expect(interventionIds(evaluation)).toEqual(['harm-reduction-advice']);
  });

  it('shows every recorded value that was checked below threshold', () => {
    const json = assessmentJson({
      use: { daysUsedLast28: 3, routes: ['oral'], coUse: ['stimulants'] },
      measures: { sdsTotal: 3 },
      labs: { egfr: 95, urinalysis: 'clear' },
    });
    expect(valueOf(evaluateHarm(json, defaultPack)).reasons[0]?.inputs).toEqual({
      'use.daysUsedLast28': 3,
      'use.bingeing': false,
      'use.escalating': false,
      'use.routes.0': 'oral',
      'use.coUse.0': 'stimulants',
      'measures.sdsTotal': 3,
      'labs.egfr': 95,
    });
  });
});

describe('evaluateHarm: invalid assessments', () => {
  it.each([
    [
      { ...assessmentJson(), use: { ...assessmentJson().use, daysUsedLast28: 29 } },
      'out-of-range',
      'assessment.use.daysUsedLast28',
    ],
    [
      { ...assessmentJson(), use: { ...assessmentJson().use, daysUsedLast28: 2.5 } },
      'not-integer',
      'assessment.use.daysUsedLast28',
    ],
    [withSymptoms('dysuria', 'anxiety', 'k-cramps'), 'unknown-code', 'assessment.symptoms.2.code'],
    [assessmentJson({ risks: ['use-alone', 'skydiving'] }), 'unknown-code', 'assessment.risks.1'],
  ])('refuses %j with %s at %s', (json, code, path) => {
    expect(problemsOf(evaluateHarm(json, defaultPack))).toEqual([expect.objectContaining({ code, path })]);
  });
});

describe('evaluateHarm: replay', () => {
  it('is deterministic: the same input and pack give the same evaluation', () => {
    expect(evaluateHarm(busy, defaultPack)).toEqual(evaluateHarm(structuredClone(busy), defaultPack));
  });

  it('gives the identical evaluation after the pack and the inputs go through JSON and back', () => {
    const storedPack: unknown = JSON.parse(JSON.stringify(defaultPack));
    const storedInput: unknown = JSON.parse(JSON.stringify(busy));
    const reloaded = valueOf(validateContentPack(storedPack));
    expect(reloaded).toEqual(defaultPack);
    const replayed = valueOf(evaluateHarm(storedInput, reloaded));
    expect(JSON.stringify(replayed)).toBe(JSON.stringify(valueOf(evaluateHarm(busy, defaultPack))));
    expect(replayed.contentVersion).toBe('kaspr-harm-default@2.0.0');
  });

  it('follows a service’s own setting: raising the SDS cut-off changes the answer and the content version', () => {
    const local: ContentPack = {
      ...defaultPackContent,
      version: '2.1.0',
      settings: {
        ...defaultPackContent.settings,
        sdsDependenceCutoff: {
          ...defaultPackContent.settings.sdsDependenceCutoff!,
          value: 6,
          certainty: 'verified',
          source: 'Local review 2026',
        },
      },
    };
    const pack = valueOf(validateContentPack(local));
    const json = assessmentJson({ measures: { sdsTotal: 5 } });
    expect(valueOf(evaluateHarm(json, defaultPack)).level).toBe(3);
    expect(valueOf(evaluateHarm(json, pack))).toMatchObject({
      level: 1,
      contentVersion: 'kaspr-harm-default@2.1.0',
    });
  });
});
