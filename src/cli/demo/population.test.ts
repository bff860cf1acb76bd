import { describe, expect, it } from 'vitest';
import { createPatientSchema } from '../../schemas/patient.ts';
import { isValidNhsNumber } from '../../domain/patient/nhs-number.ts';
import { syntheticNhsNumber, syntheticPatient } from './population.ts';
import { seededRandom } from './random.ts';

const today = new Date(Date.UTC(2026, 0, 1));

describe('synthetic demo population', () => {
  it('gives the same patients for the same seed', () => {
    const a = Array.from({ length: 5 }, (_, i) => syntheticPatient(seededRandom(1), i, today));
    const b = Array.from({ length: 5 }, (_, i) => syntheticPatient(seededRandom(1), i, today));
    expect(a).toEqual(b);
    expect(syntheticPatient(seededRandom(2), 0, today)).not.toEqual(a[0]);
  });

  it('uses only valid NHS numbers from the 999 test range', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 500; i += 1) {
      const n = syntheticNhsNumber(random);
      expect(n.startsWith('999')).toBe(true);
      expect(isValidNhsNumber(n)).toBe(true);
    }
  });

  it('makes records the registration API accepts', () => {
    const random = seededRandom(4);
    for (let i = 0; i < 100; i += 1) {
      const parsed = createPatientSchema.safeParse(syntheticPatient(random, i, today));
      expect(parsed.success).toBe(true);
    }
  });
});
