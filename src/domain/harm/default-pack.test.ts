import { describe, expect, it } from 'vitest';
import { defaultPack, defaultPackContent, shippedPacks } from './default-pack.ts';
import { evaluateHarm } from './evaluate.ts';
import type { HarmEvaluation } from './evaluation.ts';
import { validateContentPack } from './pack-validate.ts';
import {
  assessmentJson,
  interventionIds,
  reasonIds,
  valueOf,
  withSymptoms,
  type AssessmentJson,
} from './test-fixtures.ts';

/** Expects the first reason to have used exactly the setting `name`, at `value` with `certainty`. */
function expectSettingUsed(evaluation: HarmEvaluation, name: string, value: number, certainty: string): void {
  expect(evaluation.reasons[0]?.settingsUsed).toEqual({
    [name]: expect.objectContaining({ value, certainty }),
  });
}

function evaluate(json: AssessmentJson): HarmEvaluation {
  return valueOf(evaluateHarm(json, defaultPack));
}

// One row per rule: the smallest assessment that triggers it, the level, and the exact inputs it must report.
const everyRule: readonly [
  ruleId: string,
  json: AssessmentJson,
  level: number,
  inputs: Record<string, unknown>,
][] = [
  [
    'red-flag-visible-haematuria',
    withSymptoms('visible-haematuria'),
    4,
    { 'symptoms.0.code': 'visible-haematuria' },
  ],
  [
    'red-flag-urinary-retention',
    withSymptoms('urinary-retention'),
    4,
    { 'symptoms.0.code': 'urinary-retention' },
  ],
  ['red-flag-jaundice', withSymptoms('jaundice'), 4, { 'symptoms.0.code': 'jaundice' }],
  [
    'red-flag-suicidal-ideation',
    withSymptoms('suicidal-ideation'),
    4,
    { 'symptoms.0.code': 'suicidal-ideation' },
  ],
  [
    'red-flag-psychotic-symptoms',
    withSymptoms('psychotic-symptoms'),
    4,
    { 'symptoms.0.code': 'psychotic-symptoms' },
  ],
  ['red-flag-egfr-below-60', assessmentJson({ labs: { egfr: 59.9 } }), 4, { 'labs.egfr': 59.9 }],
  [
    'urinary-symptoms-persist-after-stopping',
    assessmentJson({ symptoms: [{ code: 'dysuria', persistsAfterStoppingWeeks: 4 }] }),
    3,
    { 'symptoms.0.code': 'dysuria', 'symptoms.0.persistsAfterStoppingWeeks': 4 },
  ],
  ['near-daily-use', assessmentJson({ use: { daysUsedLast28: 20 } }), 3, { 'use.daysUsedLast28': 20 }],
  [
    'harm-in-two-or-more-domains',
    withSymptoms('memory-problems', 'abdominal-pain'),
    3,
    { 'symptoms.0.code': 'memory-problems', 'symptoms.1.code': 'abdominal-pain' },
  ],
  [
    'injecting',
    assessmentJson({ use: { routes: ['nasal', 'injected'] } }),
    3,
    { 'use.routes.1': 'injected' },
  ],
  ['sds-dependence', assessmentJson({ measures: { sdsTotal: 4 } }), 3, { 'measures.sdsTotal': 4 }],
  ['loin-pain', withSymptoms('loin-pain'), 3, { 'symptoms.0.code': 'loin-pain' }],
  [
    'red-flag-loin-pain-with-fever',
    withSymptoms('fever', 'loin-pain'),
    4,
    { 'symptoms.1.code': 'loin-pain', 'symptoms.0.code': 'fever' },
  ],
  [
    'phq9-moderate-or-above',
    assessmentJson({ measures: { phq9Total: 10 } }),
    2,
    { 'measures.phq9Total': 10 },
  ],
  ['liver-tests-above-reference', assessmentJson({ labs: { alt: 41 } }), 2, { 'labs.alt': 41 }],
  [
    'creatinine-above-100',
    assessmentJson({ labs: { creatinineUmolL: 101 } }),
    3,
    { 'labs.creatinineUmolL': 101 },
  ],
  [
    'sentinel-urinary-symptom',
    withSymptoms('urinary-frequency'),
    2,
    { 'symptoms.0.code': 'urinary-frequency' },
  ],
  ['sentinel-abdominal-pain', withSymptoms('abdominal-pain'), 2, { 'symptoms.0.code': 'abdominal-pain' }],
  [
    'sentinel-cognitive-symptom',
    withSymptoms('dissociation-between-use'),
    2,
    { 'symptoms.0.code': 'dissociation-between-use' },
  ],
  ['sentinel-mental-health-symptom', withSymptoms('anxiety'), 2, { 'symptoms.0.code': 'anxiety' }],
  [
    'urinary-checklist-positive',
    assessmentJson({ measures: { urinaryChecklistPositive: true } }),
    2,
    { 'measures.urinaryChecklistPositive': true },
  ],
  ['use-on-4-or-more-days', assessmentJson({ use: { daysUsedLast28: 4 } }), 2, { 'use.daysUsedLast28': 4 }],
  ['bingeing', assessmentJson({ use: { bingeing: true } }), 2, { 'use.bingeing': true }],
  ['escalating-use', assessmentJson({ use: { escalating: true } }), 2, { 'use.escalating': true }],
  ['risk-use-alone', assessmentJson({ risks: ['use-alone'] }), 2, { 'risks.0': 'use-alone' }],
  ['risk-use-in-water', assessmentJson({ risks: ['use-in-water'] }), 2, { 'risks.0': 'use-in-water' }],
  ['risk-driving', assessmentJson({ risks: ['driving'] }), 2, { 'risks.0': 'driving' }],
  ['risk-unsafe-setting', assessmentJson({ risks: ['unsafe-setting'] }), 2, { 'risks.0': 'unsafe-setting' }],
  ['risk-sexual', assessmentJson({ risks: ['sexual-risk'] }), 2, { 'risks.0': 'sexual-risk' }],
  ['risk-exploitation', assessmentJson({ risks: ['exploitation'] }), 2, { 'risks.0': 'exploitation' }],
  [
    'risk-co-use-depressants',
    assessmentJson({ risks: ['co-use-depressants'] }),
    2,
    { 'risks.0': 'co-use-depressants' },
  ],
];

describe('default pack: every rule', () => {
  it('has a test row for every rule it ships, and no row for a rule it does not', () => {
    expect(everyRule.map(([id]) => id).sort()).toEqual(defaultPack.rules.map((r) => r.id).sort());
  });

  it.each(everyRule)(
    '%s proposes its level and reports the exact inputs it used',
    (ruleId, json, level, inputs) => {
      const evaluation = evaluate(json);
      expect(evaluation.level).toBe(level);
      expect(evaluation.reasons.find((r) => r.ruleId === ruleId)).toMatchObject({ level, inputs });
    },
  );

  it('validates as shipped, and every rule, level, domain, intervention and setting cites a source', () => {
    expect(validateContentPack(defaultPackContent).ok).toBe(true);
    const sourced = [
      ...defaultPack.rules,
      ...defaultPack.levels,
      ...defaultPack.domains,
      ...defaultPack.interventions,
      ...Object.values(defaultPack.settings),
      defaultPack.baseline,
    ];
    for (const item of sourced) expect(item.source).toMatch(/harm\.md §|synthesis|KASPR/);
  });

  it('marks every level assignment as synthesis, since no published ketamine level model exists', () => {
    for (const rule of defaultPack.rules) expect(rule.source).toMatch(/\[SYN\]/);
    for (const level of defaultPack.levels) expect(level.certainty).toBe('synthesis');
  });

  it('maps every symptom code but fever to exactly one body/mind domain (fever is systemic)', () => {
    const mapped = defaultPack.domains.flatMap((d) => d.symptoms);
    expect(new Set(mapped).size).toBe(16);
    expect(mapped).not.toContain('fever');
    expect(defaultPack.domains.map((d) => d.id)).toEqual([
      'urinary-tract',
      'abdominal-hepatobiliary',
      'cognitive',
      'mental-health',
    ]);
  });
});

describe('default pack: boundaries', () => {
  it.each([
    [3, 1, []],
    [4, 2, ['use-on-4-or-more-days']],
    [19, 2, ['use-on-4-or-more-days']],
    [20, 3, ['near-daily-use', 'use-on-4-or-more-days']],
    [28, 3, ['near-daily-use', 'use-on-4-or-more-days']],
  ])('use on %i of 28 days proposes level %i', (days, level, rules) => {
    const evaluation = evaluate(assessmentJson({ use: { daysUsedLast28: days } }));
    expect(evaluation.level).toBe(level);
    if (rules.length > 0) expect(reasonIds(evaluation)).toEqual(rules);
  });

  it.each([
    [3, 2, false],
    [3.9, 2, false],
    [4, 3, true],
    [12, 3, true],
  ])(
    'urinary symptoms persisting %s weeks after stopping → level %i (urology referral: %s)',
    (weeks, level, referred) => {
      const evaluation = evaluate(
        assessmentJson({ symptoms: [{ code: 'urinary-urgency', persistsAfterStoppingWeeks: weeks }] }),
      );
      expect(evaluation.level).toBe(level);
      expect(interventionIds(evaluation).includes('urology-referral')).toBe(referred);
    },
  );

  it('does not apply the persistence rule to a symptom outside the urinary tract', () => {
    const evaluation = evaluate(
      assessmentJson({ symptoms: [{ code: 'anxiety', persistsAfterStoppingWeeks: 10 }] }),
    );
    expect(reasonIds(evaluation)).toEqual(['sentinel-mental-health-symptom']);
  });

  it.each([
    [59.9, 4, ['egfr-below-60']],
    [60, 1, []],
    [90, 1, []],
  ])('eGFR %s → level %i (red flag only below 60)', (egfr, level, redFlags) => {
    const evaluation = evaluate(assessmentJson({ labs: { egfr } }));
    expect(evaluation).toMatchObject({ level, redFlags });
  });

  it.each([
    [3, 1],
    [4, 3],
    [15, 3],
  ])('SDS total %i → level %i (cut-off setting 4, unverified)', (sdsTotal, level) => {
    const evaluation = evaluate(assessmentJson({ measures: { sdsTotal } }));
    expect(evaluation.level).toBe(level);
    if (level === 3) expectSettingUsed(evaluation, 'sdsDependenceCutoff', 4, 'unverified');
  });

  it.each([
    [100, 1],
    [101, 3],
  ])('creatinine %i µmol/L → level %i (strictly above 100, Yee 2017)', (creatinineUmolL, level) => {
    expect(evaluate(assessmentJson({ labs: { creatinineUmolL } })).level).toBe(level);
  });

  it('counts one domain as one, even with several symptoms in it (level 2, not 3)', () => {
    const evaluation = evaluate(withSymptoms('urinary-frequency', 'dysuria', 'urinary-urgency'));
    expect(evaluation.level).toBe(2);
    expect(reasonIds(evaluation)).toEqual(['sentinel-urinary-symptom']);
  });

  it('reads injecting from the recorded risk as well as the route', () => {
    expect(reasonIds(evaluate(assessmentJson({ risks: ['injecting'] })))).toEqual(['injecting']);
  });

  it.each([
    ['alcohol', 2],
    ['ghb-gbl', 2],
    ['benzodiazepines', 2],
    ['opioids', 2],
    ['gabapentinoids', 2],
    ['other-depressants', 2],
    ['stimulants', 1],
    ['other', 1],
  ])('co-use of %s alone → level %i', (substance, level) => {
    const evaluation = evaluate(assessmentJson({ use: { coUse: [substance] } }));
    expect(evaluation.level).toBe(level);
    if (level === 2) expect(reasonIds(evaluation)).toEqual(['risk-co-use-depressants']);
  });

  it('reads co-use of alcohol, opioids or benzodiazepines as co-use of depressants, but not stimulants', () => {
    expect(evaluate(assessmentJson({ use: { coUse: ['stimulants', 'opioids'] } })).reasons[0]).toMatchObject({
      ruleId: 'risk-co-use-depressants',
      inputs: { 'use.coUse.1': 'opioids' },
    });
    expect(evaluate(assessmentJson({ use: { coUse: ['stimulants'] } })).level).toBe(1);
  });
});

describe('default pack 2.0.0: loin pain is its own rule, not an early lower-tract sign', () => {
  it('proposes level 3 for loin pain alone, with urology referral and renal tests', () => {
    const evaluation = evaluate(withSymptoms('loin-pain'));
    expect(evaluation.level).toBe(3);
    expect(reasonIds(evaluation)).toEqual(['loin-pain']);
    expect(interventionIds(evaluation)).toEqual(expect.arrayContaining(['urology-referral', 'renal-tests']));
    expect(interventionIds(evaluation)).not.toContain('brief-intervention');
  });

  it('proposes level 4 (sepsis risk) for loin pain with fever, naming the red flag', () => {
    const evaluation = evaluate(withSymptoms('loin-pain', 'fever'));
    expect(evaluation).toMatchObject({ level: 4, redFlags: ['loin-pain-with-fever'] });
    expect(reasonIds(evaluation)).toEqual(['red-flag-loin-pain-with-fever', 'loin-pain']);
    expect(interventionIds(evaluation)).toEqual(
      expect.arrayContaining(['urgent-medical-review', 'urology-referral', 'renal-tests']),
    );
  });

  it('does not raise the level for fever alone, or for a lower-tract symptom with fever', () => {
    expect(evaluate(withSymptoms('fever')).level).toBe(1);
    expect(evaluate(withSymptoms('dysuria', 'fever'))).toMatchObject({ level: 2, redFlags: [] });
  });

  it('keeps loin pain at level 2 in the frozen 1.0.0 pack, so its recommendations replay unchanged', () => {
    const v1 = shippedPacks.find((p) => p.version === '1.0.0');
    if (v1 === undefined) throw new Error('1.0.0 is not shipped');
    const evaluation = valueOf(evaluateHarm(withSymptoms('loin-pain'), v1));
    expect(evaluation).toMatchObject({ level: 2, contentVersion: 'kaspr-harm-default@1.0.0' });
    expect(reasonIds(evaluation)).toEqual(['sentinel-urinary-symptom']);
  });
});

describe('default pack 2.0.0: PHQ-9 and liver tests are read', () => {
  it.each([
    [0, 1],
    [9, 1],
    [10, 2],
    [11, 2],
    [27, 2],
  ])('PHQ-9 total %i → level %i (cut-off setting 10, the moderate band)', (phq9Total, level) => {
    const evaluation = evaluate(assessmentJson({ measures: { phq9Total } }));
    expect(interventionIds(evaluation).includes('mental-health-assessment')).toBe(level === 2);
    expect(evaluation.level).toBe(level);
    if (level === 2) expectSettingUsed(evaluation, 'phq9ModerateCutoff', 10, 'verified');
  });

  it.each([
    ['alt', 39, 1],
    ['alt', 40, 1],
    ['alt', 41, 2],
    ['alt', 500, 2],
    ['alp', 129, 1],
    ['alp', 130, 1],
    ['alp', 131, 2],
    ['alp', 600, 2],
  ])('%s %i U/L → level %i (strictly above the upper reference limit setting)', (lab, value, level) => {
    const evaluation = evaluate(assessmentJson({ labs: { [lab]: value } }));
    expect(evaluation.level).toBe(level);
    expect(interventionIds(evaluation).includes('hepatology-referral')).toBe(level === 2);
  });

  it('shows the upper reference limits as unverified settings with their source', () => {
    const evaluation = evaluate(assessmentJson({ labs: { alt: 500, alp: 600 } }));
    expect(evaluation.reasons[0]).toMatchObject({
      ruleId: 'liver-tests-above-reference',
      inputs: { 'labs.alt': 500, 'labs.alp': 600 },
      settingsUsed: {
        altUpperReferenceLimit: expect.objectContaining({ value: 40, certainty: 'unverified' }),
        alpUpperReferenceLimit: expect.objectContaining({ value: 130, certainty: 'unverified' }),
      },
    });
  });
});

describe('default pack: rule-specific interventions', () => {
  it.each([
    ['visible-haematuria', 'urology-referral'],
    ['urinary-retention', 'urology-referral'],
    ['jaundice', 'hepatology-referral'],
    ['suicidal-ideation', 'mental-health-referral'],
    ['psychotic-symptoms', 'mental-health-referral'],
    ['low-mood', 'mental-health-assessment'],
  ])('%s brings in %s', (symptom, intervention) => {
    const evaluation = evaluate(withSymptoms(symptom));
    expect(evaluation.interventions.find((i) => i.id === intervention)?.triggeredBy).toEqual([
      reasonIds(evaluation)[0],
    ]);
  });

  it('brings in safeguarding for exploitation', () => {
    expect(interventionIds(evaluate(assessmentJson({ risks: ['exploitation'] })))).toContain('safeguarding');
  });

  it.each([
    [1, 90, ['harm-reduction-advice']],
    [2, 28, ['harm-reduction-advice', 'brief-intervention', 'physical-health-monitoring']],
    [
      3,
      14,
      [
        'harm-reduction-advice',
        'structured-psychosocial',
        'physical-health-monitoring',
        'multidisciplinary-review',
      ],
    ],
    [4, 1, ['urgent-medical-review', 'physical-health-monitoring', 'harm-reduction-advice']],
  ])('level %i is reviewed within %i days with its matched interventions', (level, days, interventions) => {
    expect(defaultPack.levels.find((l) => l.level === level)).toMatchObject({
      reviewWithinDays: days,
      interventions,
    });
  });
});
