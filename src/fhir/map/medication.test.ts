import { describe, expect, it } from 'vitest';
import { expectValidFhir } from '../../../test/support/fhir-validate.ts';
import type { ProductRecord } from '../../store/fhir-treatment.ts';
import { productMedication } from './medication.ts';

const PRODUCT_ID = 'e1d2c3b4-a5f6-4e7d-8c9b-0a1b2c3d4e5f';

const product = (overrides: Partial<ProductRecord> = {}): ProductRecord => ({
  id: PRODUCT_ID,
  drug: 'Ketamine',
  form: 'solution for injection',
  strength: { per: 'ml', mgPerMl: 10, containerMl: 20 },
  code_system: 'dmd',
  code_value: '36036811000001102',
  created_at: new Date('2026-01-10T08:00:00.000Z'),
  ...overrides,
});

describe('productMedication', () => {
  it('maps a dm+d register product to a Medication coded in SNOMED CT with its form and strength, no batch', () => {
    const m = productMedication(product());
    expect(m).toStrictEqual({
      resourceType: 'Medication',
      id: PRODUCT_ID,
      meta: { versionId: '1', lastUpdated: '2026-01-10T08:00:00.000Z' },
      code: { coding: [{ system: 'http://snomed.info/sct', code: '36036811000001102' }], text: 'Ketamine' },
      status: 'active',
      form: { text: 'solution for injection' },
      ingredient: [
        {
          itemCodeableConcept: {
            coding: [{ system: 'http://snomed.info/sct', code: '373464007', display: 'Ketamine' }],
            text: 'Ketamine',
          },
          isActive: true,
          strength: {
            numerator: { value: 10, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' },
            denominator: { value: 1, unit: 'mL', system: 'http://unitsofmeasure.org', code: 'mL' },
          },
        },
      ],
    });
    expectValidFhir(m);
  });

  it('codes an NDC product in the NDC system and an esketamine device product without a strength per mL', () => {
    const m = productMedication(
      product({
        drug: 'Esketamine nasal spray',
        form: 'nasal spray',
        strength: { per: 'unit', mgPerUnit: 28, containerUnits: 1 },
        code_system: 'ndc',
        code_value: '50458-028-02',
      }),
    );
    expect(m.code?.coding).toStrictEqual([{ system: 'http://hl7.org/fhir/sid/ndc', code: '50458-028-02' }]);
    expect(m.ingredient).toStrictEqual([{ itemCodeableConcept: { text: 'Esketamine' }, isActive: true }]);
    expectValidFhir(m);
  });

  it('gives a local product code as text only (no system is claimed for it)', () => {
    const m = productMedication(product({ code_system: 'other', code_value: 'KET-10-5' }));
    expect(m.code).toStrictEqual({ text: 'Ketamine' });
    expectValidFhir(m);
  });
});
