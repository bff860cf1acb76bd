// Register products (drug, form, strength, container) and stock locations, with mg per container derived once.
import { problem, type LedgerProblem, type Outcome } from './problems.ts';
import {
  mgInVolume,
  mgPerMl,
  mgPerUnit,
  millilitres,
  milligrams,
  timesMg,
  type MgPerMl,
  type MgPerUnit,
  type Milligrams,
  type Millilitres,
} from './units.ts';

/** Liquids are measured per mL (vials, ampoules); solid doses per unit (tablets, lozenges, nasal devices). */
export type Strength =
  | { readonly per: 'ml'; readonly mgPerMl: MgPerMl; readonly containerMl: Millilitres }
  | { readonly per: 'unit'; readonly mgPerUnit: MgPerUnit; readonly containerUnits: number };

/** DEA schedule (ketamine and esketamine are III, clinic.md §5 [V]) and the UK schedule and class. */
export interface ControlSchedule {
  readonly us?: 'II' | 'III' | 'IV' | 'V';
  readonly uk?: { readonly schedule: 1 | 2 | 3 | 4 | 5; readonly drugClass: 'A' | 'B' | 'C' };
}

/** A product as stocked: one commercial container of one drug, form and strength. */
export interface Product {
  readonly id: string;
  readonly drug: string;
  /** Finished form as the regulator reads it ("solution for injection", "nasal spray"). */
  readonly form: string;
  readonly strength: Strength;
  /** What one container is called ("vial", "ampoule", "pack"). */
  readonly containerName: string;
  readonly mgPerContainer: Milligrams;
  /** NDC in the US, dm+d or another code elsewhere; record the actual code on the box (clinic.md §3). */
  readonly code: { readonly system: 'ndc' | 'dmd' | 'other'; readonly value: string };
  readonly schedule: ControlSchedule;
}

/** A place stock is kept (a CD cupboard or safe) at a premises; the UK keeps one register per premises. */
export interface Location {
  readonly id: string;
  readonly name: string;
  readonly premisesId: string;
}

/** Product details as entered, before checking. Give `strengthMgPerMl` with mL or `mgPerUnit` with units. */
export interface ProductInput {
  readonly id: string;
  readonly drug: string;
  readonly form: string;
  readonly strengthMgPerMl?: number;
  readonly mgPerUnit?: number;
  /** mL for a liquid, whole units for a solid dose. */
  readonly containerSize: number;
  readonly containerName: string;
  readonly code: Product['code'];
  readonly schedule: ControlSchedule;
}

function readStrength(input: ProductInput): Strength | LedgerProblem {
  const bad = (path: string, text: string): LedgerProblem => problem('invalid-product', path, text);
  if ((input.strengthMgPerMl === undefined) === (input.mgPerUnit === undefined)) {
    return bad(
      'strengthMgPerMl',
      'Give either strengthMgPerMl (liquids) or mgPerUnit (solid doses), not both.',
    );
  }
  if (input.strengthMgPerMl !== undefined) {
    const strength = mgPerMl(input.strengthMgPerMl);
    const volume = millilitres(input.containerSize);
    if (strength === undefined) return bad('strengthMgPerMl', 'strengthMgPerMl must be a positive number.');
    if (volume === undefined) return bad('containerSize', 'containerSize must be a positive number of mL.');
    return { per: 'ml', mgPerMl: strength, containerMl: volume };
  }
  const strength = mgPerUnit(input.mgPerUnit ?? Number.NaN);
  if (strength === undefined) return bad('mgPerUnit', 'mgPerUnit must be a positive number.');
  if (!Number.isInteger(input.containerSize) || input.containerSize < 1) {
    return bad('containerSize', 'containerSize must be a whole number of units.');
  }
  return { per: 'unit', mgPerUnit: strength, containerUnits: input.containerSize };
}

/** Mg in one container: strength × volume, or strength × units. */
function perContainer(strength: Strength): Milligrams | undefined {
  if (strength.per === 'ml') return mgInVolume(strength.containerMl, strength.mgPerMl);
  const each = milligrams(strength.mgPerUnit);
  return each === undefined ? undefined : timesMg(each, strength.containerUnits);
}

/** Checks product details and derives mg per container (10 mg/mL × 20 mL vial = 200 mg, clinic.md §3). */
export function makeProduct(input: ProductInput): Outcome<Product> {
  const problems: LedgerProblem[] = [];
  for (const field of ['id', 'drug', 'form', 'containerName'] as const) {
    if (input[field].trim() === '') problems.push(problem('invalid-product', field, `${field} is required.`));
  }
  if (input.code.value.trim() === '')
    problems.push(problem('invalid-product', 'code.value', 'A code is required.'));
  const read = readStrength(input);
  const strength = 'code' in read ? undefined : read;
  if ('code' in read) problems.push(read);
  const mg = strength === undefined ? undefined : perContainer(strength);
  if (strength !== undefined && (mg === undefined || mg <= 0)) {
    problems.push(
      problem('invalid-product', 'containerSize', 'mg per container must be a whole number of µg.'),
    );
  }
  if (problems.length > 0 || strength === undefined || mg === undefined) return { ok: false, problems };
  const { strengthMgPerMl: _ml, mgPerUnit: _unit, containerSize: _size, ...rest } = input;
  return { ok: true, value: { ...rest, strength, mgPerContainer: mg } };
}
