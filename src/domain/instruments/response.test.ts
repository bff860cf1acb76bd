import { describe, expect, it } from 'vitest';
import { cadss } from './cadss.ts';
import { madrs } from './madrs.ts';
import { pcl5 } from './pcl-5.ts';
import { phq9 } from './phq-9.ts';
import { qidsSr16 } from './qids-sr16.ts';
import { assessResponse } from './response.ts';

describe('assessResponse: response is a drop of ≥50 % from baseline', () => {
  it.each([
    [20, 10, true, 0.5],
    [20, 11, false, 0.45],
    [27, 13, true, 14 / 27],
    [27, 14, false, 13 / 27],
    [20, 0, true, 1],
    [10, 12, false, -0.2],
  ])('PHQ-9 %i → %i: response %s, change %d', (baseline, current, response, change) => {
    const result = assessResponse(baseline, current, phq9);
    expect(result.response).toBe(response);
    expect(result.changeFraction).toBeCloseTo(change, 10);
  });

  it('is exact at 50 % for an odd baseline (15 → 7.5 is not reachable; 15 → 7 responds, 15 → 8 does not)', () => {
    expect(assessResponse(15, 7, phq9).response).toBe(true);
    expect(assessResponse(15, 8, phq9).response).toBe(false);
  });
});

describe('assessResponse: remission per instrument', () => {
  it.each([
    [phq9, 4, true],
    [phq9, 5, false], // PHQ-9 remission <5
    [qidsSr16, 5, true],
    [qidsSr16, 6, false], // QIDS-SR16 remission ≤5
    [madrs, 9, true],
    [madrs, 10, false], // MADRS remission <10 (Hawley 2002)
  ])('%#: current %i → remission %s', (def, current, remission) => {
    expect(assessResponse(20, current, def).remission).toBe(remission);
  });

  it('is null for an instrument with no remission rule (PCL-5, CADSS)', () => {
    expect(assessResponse(50, 10, pcl5)).toEqual({ response: true, remission: null, changeFraction: 0.8 });
    expect(assessResponse(50, 10, cadss)).toEqual({ response: null, remission: null, changeFraction: 0.8 });
  });
});

describe('assessResponse: missing or unusable totals', () => {
  it('gives null response and change when the baseline is 0, but still judges remission', () => {
    expect(assessResponse(0, 0, phq9)).toEqual({ response: null, remission: true, changeFraction: null });
  });

  it('gives nulls when the baseline total is missing', () => {
    expect(assessResponse(null, 3, phq9)).toEqual({ response: null, remission: true, changeFraction: null });
  });

  it('gives all nulls when the current total is missing', () => {
    expect(assessResponse(20, null, phq9)).toEqual({ response: null, remission: null, changeFraction: null });
  });

  it('treats negative or non-finite totals as unusable', () => {
    expect(assessResponse(-1, 3, phq9).response).toBeNull();
    expect(assessResponse(20, Number.NaN, phq9)).toEqual({
      response: null,
      remission: null,
      changeFraction: null,
    });
  });
});
