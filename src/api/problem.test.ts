// A rule refusal carries a code some domain area defines: an invented code does not compile.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ruleRefusal, type RuleCode } from './problem.ts';

describe('rule refusals', () => {
  it('take only codes from the domain unions, and answer 409 for a block and 422 for out of bounds', () => {
    expectTypeOf<'made-up'>().not.toExtend<RuleCode>();
    expectTypeOf<'session-already-open'>().toExtend<RuleCode>();
    // @ts-expect-error an invented rule code is not a RuleCode
    const invented = () => ruleRefusal('blocked', 'made-up', 'never sent');
    expect(typeof invented).toBe('function');
    expect(ruleRefusal('blocked', 'session-already-open', 'One session is open').status).toBe(409);
    expect(ruleRefusal('out-of-bounds', 'dose-above-protocol-maximum', 'Too much').status).toBe(422);
  });
});
