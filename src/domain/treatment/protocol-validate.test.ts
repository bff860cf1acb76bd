import { describe, expect, it } from 'vitest';
import { esketamineIntranasal } from './protocol-esketamine.ts';
import { ivRacemicPsychiatric } from './protocol-iv-psychiatric.ts';
import { validateProtocol } from './protocol-validate.ts';
import { problemsOf } from './test-fixtures.ts';

type Json = Record<string, any>;

/** A JSON copy of `content` changed by `edit`. */
function edited(content: object, edit: (json: Json) => void): unknown {
  const json = JSON.parse(JSON.stringify(content)) as Json;
  edit(json);
  return json;
}

const problems = (json: unknown) => problemsOf(validateProtocol(json)).map((p) => [p.code, p.path]);

describe('validateProtocol', () => {
  it('refuses what is not an object', () => {
    expect(problems(undefined)).toEqual([['missing-field', 'protocol']]);
    expect(problems(null)).toEqual([['wrong-type', 'protocol']]);
    expect(problems([])).toEqual([['wrong-type', 'protocol']]);
  });

  it('refuses a misspelt field, a bad id, version and date', () => {
    const json = edited(ivRacemicPsychiatric, (j) => {
      j.titel = 'x';
      j.id = 'IV Psych';
      j.version = '1.0';
      j.publishedAt = '2026-02-30';
    });
    expect(problems(json)).toEqual([
      ['unknown-field', 'protocol.titel'],
      ['invalid-date', 'protocol.publishedAt'],
      ['invalid-format', 'protocol.id'],
      ['invalid-format', 'protocol.version'],
    ]);
  });

  it('refuses a number written in another unit', () => {
    const json = edited(ivRacemicPsychiatric, (j) => (j.dose.usualMax.unit = 'mg'));
    expect(problems(json)).toEqual([['unit-mismatch', 'protocol.dose.usualMax.unit']]);
  });

  it('refuses a number without a source or with an unknown certainty or basis', () => {
    const json = edited(ivRacemicPsychiatric, (j) => {
      j.dose.hardMax.source = ' ';
      j.dose.usualMin.certainty = 'probably';
      j.duration.min.basis = 'guess';
    });
    expect(problems(json)).toEqual([
      ['unknown-certainty', 'protocol.dose.usualMin.certainty'],
      ['missing-source', 'protocol.dose.hardMax.source'],
      ['unknown-code', 'protocol.duration.min.basis'],
    ]);
  });

  it('refuses an alert threshold with an unknown comparator or the wrong unit', () => {
    const json = edited(ivRacemicPsychiatric, (j) => {
      j.alerts.systolic.comparator = '=>';
      j.alerts.spo2.unit = 'mmHg';
    });
    expect(problems(json)).toEqual([
      ['unknown-code', 'protocol.alerts.systolic.comparator'],
      ['unit-mismatch', 'protocol.alerts.spo2.unit'],
    ]);
  });

  it('refuses reversed ranges', () => {
    expect(problems(edited(ivRacemicPsychiatric, (j) => (j.dose.usualMin.value = 1.2)))).toEqual([
      ['inconsistent-range', 'protocol.dose.usualMax'],
    ]);
    expect(problems(edited(ivRacemicPsychiatric, (j) => (j.dose.hardMax.value = 0.9)))).toEqual([
      ['inconsistent-range', 'protocol.dose.hardMax'],
    ]);
    expect(problems(edited(ivRacemicPsychiatric, (j) => (j.duration.default.value = 90)))).toEqual([
      ['inconsistent-range', 'protocol.duration.default'],
    ]);
    expect(problems(edited(ivRacemicPsychiatric, (j) => (j.weight.plausibleMin.value = 400)))).toEqual([
      ['inconsistent-range', 'protocol.weight.plausibleMax'],
    ]);
    expect(problems(edited(ivRacemicPsychiatric, (j) => (j.dose.usualMin.value = 0)))).toEqual([
      ['out-of-range', 'protocol.dose.usualMin.value'],
    ]);
    expect(problems(edited(ivRacemicPsychiatric, (j) => (j.dose.usualMin.value = -1)))).toEqual([
      ['out-of-range', 'protocol.dose.usualMin.value'],
    ]);
  });

  it('refuses a dose rule or duration that does not fit the route', () => {
    expect(problems(edited(ivRacemicPsychiatric, (j) => (j.route = 'intranasal-esketamine')))).toEqual([
      ['route-mismatch', 'protocol.dose.kind'],
      ['route-mismatch', 'protocol.duration'],
    ]);
    expect(problems(edited(ivRacemicPsychiatric, (j) => (j.duration = null)))).toEqual([
      ['missing-field', 'protocol.duration'],
    ]);
  });

  it('keeps parenteral routes in the clinic (ASKP tenet 8)', () => {
    const json = edited(ivRacemicPsychiatric, (j) => (j.sessions.allowed = ['clinic', 'home']));
    expect(problems(json)).toEqual([['route-mismatch', 'protocol.sessions.allowed']]);
  });

  it('refuses device doses that are not whole devices, and a first dose the protocol does not allow', () => {
    expect(problems(edited(esketamineIntranasal, (j) => (j.dose.allowed[1].value = 70)))).toEqual([
      ['inconsistent-range', 'protocol.dose.allowed.1'],
    ]);
    expect(problems(edited(esketamineIntranasal, (j) => (j.courses[0].firstDose.value = 28)))).toEqual([
      ['inconsistent-range', 'protocol.courses.0.firstDose'],
    ]);
  });

  it('refuses a repeated course id and a phase that ends before it starts', () => {
    const json = edited(esketamineIntranasal, (j) => {
      j.courses[1].id = 'trd';
      j.courses[0].phases[1].toWeek = 4;
    });
    expect(problems(json)).toEqual([
      ['inconsistent-range', 'protocol.courses.0.phases.1.toWeek'],
      ['invalid-format', 'protocol.courses.1.id'],
    ]);
  });

  it('refuses a missing section and an unknown setting', () => {
    expect(problems(edited(ivRacemicPsychiatric, (j) => delete j.discharge))).toEqual([
      ['missing-field', 'protocol.discharge'],
    ]);
    expect(problems(edited(ivRacemicPsychiatric, (j) => (j.sessions.allowed = ['spa'])))).toEqual([
      ['unknown-code', 'protocol.sessions.allowed.0'],
    ]);
  });
});
