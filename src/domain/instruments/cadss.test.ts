import { describe, expect, it } from 'vitest';
import { cadss, score } from './cadss.ts';
import { itClaimsNoBandAtEach, itIsIncompleteWhenAnItemIsMissing } from './test-cases.ts';
import { answersSummingTo } from './test-fixtures.ts';

describe('CADSS (23-item) scoring', () => {
  itClaimsNoBandAtEach(
    score,
    (total) => answersSummingTo(total, 23, 4),
    'sums to %i with no band',
    [0, 1, 46, 92],
  );

  const missing23: Record<string, number> = answersSummingTo(0, 23, 4);
  delete missing23['23'];
  itIsIncompleteWhenAnItemIsMissing(score, missing23, ['23']);
});

describe('CADSS definition', () => {
  it('makes the [U] 0–4 item scale and 0–92 range visibly unverified', () => {
    expect(cadss.items).toHaveLength(23);
    expect(cadss.totalRange).toMatchObject({ min: 0, max: 92, certainty: 'unverified' });
  });

  it('is a safety measure: no bands, response or remission, and no text', () => {
    expect(cadss.bands).toEqual([]);
    expect(cadss.response).toBeNull();
    expect(cadss.remission).toBeNull();
    expect(cadss.licence.textShipped).toBe(false);
    expect(cadss.items.every((item) => item.text === undefined)).toBe(true);
  });
});
