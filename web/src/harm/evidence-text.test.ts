import { describe, expect, it } from 'vitest';
import { sourceText } from '../../../src/domain/core/source-text.ts';
import { defaultPack, defaultPackContent, evaluateHarm } from '../../../src/domain/harm/index.ts';
import {
  contentVersionText,
  derivedText,
  inputText,
  reasonText,
  redFlagText,
  ruleText,
  settingText,
} from './evidence-text.ts';

const CODES = /\.\d+\.code|use\.coUse|derived\.|\[(V|S|U|SYN)|\.md|§|@\d+\.\d+\.\d+/;

describe('the evidence behind a harm proposal, as a clinician reads it', () => {
  it('names inputs by the form’s labels, not JSON paths or codes', () => {
    expect(inputText('symptoms.0.code', 'urinary-frequency')).toBe('Symptom: Urinary frequency');
    expect(inputText('use.coUse.0', 'alcohol')).toBe('Co-use: Alcohol');
    expect(inputText('use.routes.1', 'nasal')).toBe('Route: Nasal');
    expect(inputText('risks.0', 'use-alone')).toBe('Risk: Uses alone');
    expect(inputText('use.daysUsedLast28', 12)).toBe('Days used in the last 28: 12');
    expect(inputText('use.bingeing', false)).toBe('Bingeing: no');
    expect(inputText('measures.sdsTotal', 6)).toBe('SDS total: 6');
  });

  it('names derived domains, settings and red flags in the pack’s own words', () => {
    expect(derivedText('domains', ['urinary-tract', 'mental-health'], defaultPackContent)).toBe(
      'Areas with harm: Urinary tract, Mental health',
    );
    expect(settingText('sdsDependenceCutoff', defaultPackContent)).toBe(
      defaultPackContent.settings['sdsDependenceCutoff']?.description,
    );
    expect(redFlagText('suicidal-ideation', [])).toBe('Suicidal thoughts');
    expect(contentVersionText('kaspr-harm-default@2.0.0', defaultPackContent)).toBe(
      'KASPR harm pathway: default content from published evidence, version 2.0.0',
    );
    expect(ruleText('level-3', [], defaultPackContent)).toBe('level 3');
  });

  it('leaves no path, code, tag or file name in a real evaluation of the default pack', () => {
    const result = evaluateHarm(
      {
        use: { daysUsedLast28: 20, routes: ['nasal'], bingeing: true, escalating: false, coUse: ['alcohol'] },
        symptoms: [
          { code: 'urinary-frequency' },
          { code: 'suicidal-ideation' },
          { code: 'loin-pain' },
          { code: 'fever' },
        ],
        risks: ['use-alone'],
        measures: { sdsTotal: 7 },
      },
      defaultPack,
    );
    if (!result.ok) throw new Error('the assessment should evaluate');
    const e = result.value;
    const shown = [
      ...e.redFlags.map((f) => redFlagText(f, e.reasons)),
      ...e.reasons.flatMap((r) => [
        ...Object.entries(r.inputs).map(([p, v]) => inputText(p, v)),
        ...Object.entries(r.derived).map(([n, v]) => derivedText(n, v, defaultPackContent)),
        ...Object.entries(r.settingsUsed).map(
          ([n, s]) => `${settingText(n, defaultPackContent)} ${sourceText(s.source)}`,
        ),
        reasonText(r.text),
        sourceText(r.source),
      ]),
      ...e.interventions.flatMap((i) =>
        i.triggeredBy.map((id) => ruleText(id, e.reasons, defaultPackContent)),
      ),
      contentVersionText(e.contentVersion, defaultPackContent),
    ];
    expect(shown).toContain('Loin (flank) pain with fever');
    expect(shown).toContain('Co-use: Alcohol');
    for (const line of shown) expect(line).not.toMatch(CODES);
  });
});
