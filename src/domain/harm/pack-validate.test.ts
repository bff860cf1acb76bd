import { describe, expect, it } from 'vitest';
import { defaultPackV1Content } from './default-pack-1-0-0.ts';
import { defaultPack, defaultPackContent, shippedPacks } from './default-pack.ts';
import { validateContentPack } from './pack-validate.ts';
import { problemsOf, valueOf } from './test-fixtures.ts';

type JsonNode = Record<string, unknown> | unknown[];

/**
 * The frozen 1.0.0 pack as JSON with each `path: value` applied (`undefined` removes the field). The refusal
 * cases address rules by index, so they use the pack that never changes rather than the newest default.
 */
function packWith(changes: Record<string, unknown>, base: unknown = defaultPackV1Content): unknown {
  const pack = JSON.parse(JSON.stringify(base)) as JsonNode;
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let node = pack;
    for (const key of keys) node = (node as Record<string, unknown>)[key] as JsonNode;
    // Assigning undefined drops the field when the JSON is built (JSON.stringify skips it).
    (node as Record<string, unknown>)[last] = value;
  }
  return JSON.parse(JSON.stringify(pack)) as unknown;
}

function refusal(changes: Record<string, unknown>): { code: string; path: string }[] {
  return problemsOf(validateContentPack(packWith(changes))).map(({ code, path }) => ({ code, path }));
}

const rule0 = defaultPackV1Content.rules[0]!;

describe('validateContentPack: the default pack', () => {
  it('accepts it and returns a frozen copy equal to it', () => {
    const pack = valueOf(validateContentPack(packWith({}, defaultPackContent)));
    expect(pack).toEqual(defaultPack);
    expect(Object.isFrozen(pack.rules[0]?.when)).toBe(true);
  });

  it('accepts every shipped version, newest first, each with its own version', () => {
    expect(shippedPacks.map((p) => p.version)).toEqual(['2.0.0', '1.0.0']);
    for (const pack of shippedPacks) expect(valueOf(validateContentPack(packWith({}, pack)))).toEqual(pack);
  });

  it('leaves the input it validated unfrozen and unshared', () => {
    const json = packWith({}) as { rules: { when: object }[] };
    const pack = valueOf(validateContentPack(json));
    expect(Object.isFrozen(json.rules[0]?.when)).toBe(false);
    expect(pack.rules[0]?.when).not.toBe(json.rules[0]?.when);
  });
});

describe('validateContentPack: refusals, each with its path', () => {
  it.each([['not an object', null, [{ code: 'wrong-type', path: 'pack' }]]])(
    '%s',
    (_case, json, problems) => {
      expect(problemsOf(validateContentPack(json)).map(({ code, path }) => ({ code, path }))).toEqual(
        problems,
      );
    },
  );

  it.each([
    [
      'unknown rule kind',
      { 'rules.0.when': { kind: 'symptom-absent', codes: ['dysuria'] } },
      'unknown-rule-kind',
      'pack.rules.0.when.kind',
    ],
    [
      'unknown kind nested in any-of',
      { 'rules.9.when.conditions.1': { kind: 'vibes' } },
      'unknown-rule-kind',
      'pack.rules.9.when.conditions.1.kind',
    ],
    ['duplicate rule id', { 'rules.1.id': rule0.id }, 'duplicate-id', 'pack.rules.1.id'],
    ['rule level 5', { 'rules.0.level': 5 }, 'level-out-of-range', 'pack.rules.0.level'],
    ['rule level 0', { 'rules.0.level': 0 }, 'level-out-of-range', 'pack.rules.0.level'],
    ['rule level 2.5', { 'rules.0.level': 2.5 }, 'level-out-of-range', 'pack.rules.0.level'],
    [
      'rule intervention not defined',
      { 'rules.0.interventions': ['urology-referral', 'acupuncture'] },
      'undefined-intervention',
      'pack.rules.0.interventions.1',
    ],
    [
      'level intervention not defined',
      { 'levels.0.interventions': ['hugs'] },
      'undefined-intervention',
      'pack.levels.0.interventions.0',
    ],
    ['rule without source', { 'rules.0.source': undefined }, 'missing-source', 'pack.rules.0.source'],
    ['rule with blank source', { 'rules.0.source': '  ' }, 'missing-source', 'pack.rules.0.source'],
    [
      'intervention without source',
      { 'interventions.0.source': undefined },
      'missing-source',
      'pack.interventions.0.source',
    ],
    ['level without source', { 'levels.0.source': '' }, 'missing-source', 'pack.levels.0.source'],
    ['domain without source', { 'domains.0.source': undefined }, 'missing-source', 'pack.domains.0.source'],
    [
      'setting without source',
      { 'settings.sdsDependenceCutoff.source': undefined },
      'missing-source',
      'pack.settings.sdsDependenceCutoff.source',
    ],
    ['baseline without source', { 'baseline.source': undefined }, 'missing-source', 'pack.baseline.source'],
    ['unknown certainty', { 'rules.0.certainty': 'probably' }, 'unknown-certainty', 'pack.rules.0.certainty'],
    [
      'setting not defined',
      { 'rules.10.when.value': { setting: 'sdsCutoff' } },
      'undefined-setting',
      'pack.rules.10.when.value.setting',
    ],
    [
      'setting out of range for its use',
      { 'rules.7.when.days': { setting: 'sdsDependenceCutoff' }, 'settings.sdsDependenceCutoff.value': 40 },
      'out-of-range',
      'pack.settings.sdsDependenceCutoff.value',
    ],
    ['threshold out of range', { 'rules.7.when.days': 29 }, 'out-of-range', 'pack.rules.7.when.days'],
    ['threshold of the wrong type', { 'rules.7.when.days': '20' }, 'wrong-type', 'pack.rules.7.when.days'],
    ['domain count of 0', { 'rules.8.when.count': 0 }, 'out-of-range', 'pack.rules.8.when.count'],
    [
      'unknown symptom code in a rule',
      { 'rules.0.when.codes': ['haematuria'] },
      'unknown-code',
      'pack.rules.0.when.codes.0',
    ],
    ['empty code list', { 'rules.0.when.codes': [] }, 'empty', 'pack.rules.0.when.codes'],
    ['empty any-of', { 'rules.9.when.conditions': [] }, 'empty', 'pack.rules.9.when.conditions'],
    ['unknown lab', { 'rules.5.when.lab': 'ggt' }, 'unknown-code', 'pack.rules.5.when.lab'],
    [
      'condition field missing',
      { 'rules.5.when.value': undefined },
      'missing-field',
      'pack.rules.5.when.value',
    ],
    [
      'unknown field in a condition',
      { 'rules.5.when.unit': 'mL/min' },
      'unknown-field',
      'pack.rules.5.when.unit',
    ],
    ['unknown field in a rule', { 'rules.0.severity': 'high' }, 'unknown-field', 'pack.rules.0.severity'],
    ['misspelt pack field', { interventons: [] }, 'unknown-field', 'pack.interventons'],
    [
      'symptom in two domains',
      { 'domains.1.symptoms': ['abdominal-pain', 'jaundice', 'dysuria'] },
      'duplicate-code',
      'pack.domains.1.symptoms.2',
    ],
    [
      'review interval not whole days',
      { 'levels.0.reviewWithinDays': 1.5 },
      'not-integer',
      'pack.levels.0.reviewWithinDays',
    ],
    ['version not semantic', { version: 'v1' }, 'invalid-format', 'pack.version'],
    ['id with spaces', { id: 'My Pack' }, 'invalid-format', 'pack.id'],
    ['published date impossible', { publishedAt: '2026-02-30' }, 'invalid-date', 'pack.publishedAt'],
    [
      'setting name invalid',
      { 'settings.9lives': { value: 1, description: 'x', source: 'y', certainty: 'synthesis' } },
      'invalid-format',
      'pack.settings.9lives',
    ],
    [
      'baseline id clashes with a rule',
      { 'baseline.ruleId': rule0.id },
      'duplicate-id',
      'pack.baseline.ruleId',
    ],
    ['title missing', { title: undefined }, 'missing-field', 'pack.title'],
  ])('%s → %s at %s', (_case, changes, code, path) => {
    expect(refusal(changes)).toEqual([{ code, path }]);
  });

  it.each([
    [
      'level definition 7',
      { 'levels.3.level': 7 },
      'level-out-of-range',
      'pack.levels.3.level',
      'pack.rules.0.level',
    ],
    [
      'duplicate level',
      { 'levels.1.level': 1 },
      'duplicate-id',
      'pack.levels.1.level',
      'pack.rules.12.level',
    ],
    [
      'duplicate intervention id',
      { 'interventions.1.id': 'harm-reduction-advice' },
      'duplicate-id',
      'pack.interventions.1.id',
      'pack.levels.1.interventions.1',
    ],
  ])(
    '%s → %s at %s, and a problem where the lost part is used (%s)',
    (_case, changes, code, path, usedAt) => {
      const problems = refusal(changes);
      expect(problems[0]).toEqual({ code, path });
      expect(problems.map((p) => p.path)).toContain(usedAt);
    },
  );

  it('names the rule that uses a setting whose value does not fit it', () => {
    const changes = {
      'rules.7.when.days': { setting: 'sdsDependenceCutoff' },
      'settings.sdsDependenceCutoff.value': 40,
    };
    expect(problemsOf(validateContentPack(packWith(changes)))[0]?.text).toContain('pack.rules.7.when.days');
  });

  it('refuses a rule whose level is not defined in the pack', () => {
    const levels = defaultPackV1Content.levels.filter((l) => l.level !== 4);
    expect(refusal({ levels })).toEqual(
      defaultPackV1Content.rules.flatMap((r, i) =>
        r.level === 4 ? [{ code: 'undefined-level', path: `pack.rules.${i}.level` }] : [],
      ),
    );
  });

  it('lists every problem at once, with a sentence for each', () => {
    const problems = problemsOf(
      validateContentPack(packWith({ 'rules.0.level': 9, 'rules.1.source': undefined, version: 'x' })),
    );
    expect(problems.map((p) => p.path)).toEqual([
      'pack.version',
      'pack.rules.0.level',
      'pack.rules.1.source',
    ]);
    for (const p of problems) expect(p.text.length).toBeGreaterThan(10);
  });
});
