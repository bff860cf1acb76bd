import { describe, expect, it } from 'vitest';
import { EMPTY_PRODUCT, productBody, productErrors, scheduleOf, strengthKey } from './product-body.ts';

const ketamine = {
  ...EMPTY_PRODUCT,
  drug: 'Ketamine hydrochloride',
  form: 'solution for injection',
  strength: '10',
  containerSize: '20',
  code: '12345',
};

describe('product body', () => {
  it('puts the strength under mg per mL for a liquid and mg per unit for a solid', () => {
    expect(productBody(ketamine).strength).toEqual({ mgPerMl: 10 });
    expect(productBody({ ...ketamine, per: 'unit' }).strength).toEqual({ mgPerUnit: 10 });
    expect(strengthKey({ ...ketamine, per: 'unit' })).toBe('strength.mgPerUnit');
  });

  it('records a UK schedule only with its class, and a DEA schedule on its own', () => {
    expect(scheduleOf({ ...ketamine, ukSchedule: '2', ukClass: 'B' })).toEqual({
      uk: { schedule: 2, drugClass: 'B' },
    });
    expect(scheduleOf({ ...ketamine, ukSchedule: '2' })).toEqual({});
    expect(scheduleOf({ ...ketamine, usSchedule: 'III' })).toEqual({ us: 'III' });
  });

  it('accepts a complete product', () => {
    expect(productErrors(ketamine)).toEqual({});
  });

  it('says what is wrong with the strength on the one strength field', () => {
    expect(productErrors({ ...ketamine, strength: '' })).toMatchObject({
      'strength.mgPerMl': 'Enter the strength',
    });
    expect(productErrors({ ...ketamine, strength: '0' })['strength.mgPerMl']).toBe('Must be more than 0');
    expect(productErrors({ ...ketamine, strength: '100001' })['strength.mgPerMl']).toBe('At most 100000');
  });

  it('asks for the container size, and for the UK schedule and class together', () => {
    expect(productErrors({ ...ketamine, containerSize: '' }).containerSize).toBe('Enter the container size');
    expect(productErrors({ ...ketamine, ukSchedule: '2' })['schedule.uk.drugClass']).toBe(
      'Give the UK schedule and class together',
    );
    expect(productErrors({ ...ketamine, ukClass: 'B' })['schedule.uk.schedule']).toBe(
      'Give the UK schedule and class together',
    );
  });
});
