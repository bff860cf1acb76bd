// Ketamine products as FHIR R4 Medication: a controlled-drug register product, and the medication of one dosing
// session (the register product's codes when the dose was drawn from stock, with the lot and expiry given).
import type { CodeableConcept, Coding } from '../types.ts';
import { meta, prune, SNOMED, text, ucum } from './common.ts';
import type { ProductRecord } from '../../store/fhir-treatment.ts';
import type { Medication, Ratio } from './treatment-types.ts';

export const NDC_SYSTEM = 'http://hl7.org/fhir/sid/ndc';

/** The product's code: dm+d ids are SNOMED (UK drug extension), NDC its own system; a local code has none. */
function productCoding(p: ProductRecord): Coding[] {
  if (p.code_system === 'dmd') return [{ system: SNOMED, code: p.code_value }];
  if (p.code_system === 'ndc') return [{ system: NDC_SYSTEM, code: p.code_value }];
  return [];
}

const formOf = (p: ProductRecord): CodeableConcept | undefined => {
  const form = text(p.form);
  return form ? { text: form } : undefined;
};

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** mg per mL as a Ratio (UCUM), or undefined when unknown. */
function perMl(mgPerMl: number | undefined): Ratio | undefined {
  return mgPerMl === undefined ? undefined : { numerator: ucum(mgPerMl, 'mg'), denominator: ucum(1, 'mL') };
}

/** The active ingredient: ketamine (SCT 373464007) for racemic routes; esketamine by name only (no verified code). */
function ingredient(esketamine: boolean, strength: Ratio | undefined): Medication['ingredient'] {
  const item: CodeableConcept = esketamine
    ? { text: 'Esketamine' }
    : { coding: [{ system: SNOMED, code: '373464007', display: 'Ketamine' }], text: 'Ketamine' };
  return [prune({ itemCodeableConcept: item, isActive: true, strength })];
}

const isEsketamine = (name: string | undefined, route: string | null): boolean =>
  route === 'intranasal-esketamine' || /esketamine/i.test(name ?? '');

/** A controlled-drug register product. Lots vary by delivery, so the batch belongs to each session's medication. */
export function productMedication(p: ProductRecord): Medication {
  return prune({
    resourceType: 'Medication',
    id: p.id,
    meta: meta(1, p.created_at),
    code: prune({ coding: productCoding(p), text: text(p.drug) }),
    status: 'active',
    form: formOf(p),
    ingredient: ingredient(isEsketamine(p.drug, null), perMl(num(p.strength.mgPerMl))),
  });
}

/** What a dosing session's medication is made from: its route, the product entered at the start, and stock. */
export interface SessionMedicationSource {
  sessionId: string;
  route: string | null;
  /** When the session (or, once started, its administration) was recorded. */
  recordedAt: Date;
  /** The product as entered at the start, and its concentration, lot and expiry. */
  entered: { product?: string; concentrationMgPerMl?: number; lot?: string; expiry?: string } | null;
  /** The register product the dose was drawn from, with the lot the register entry names. */
  stock: { product: ProductRecord; lot?: string } | null;
}

/** The medication given in one dosing session: `<sessionId>-medication`. */
export function sessionMedication(s: SessionMedicationSource): Medication {
  const product = s.stock?.product;
  const name = text(s.entered?.product) ?? (product ? text(product.drug) : undefined);
  const esketamine = isEsketamine(name, s.route);
  const concentration =
    s.entered?.concentrationMgPerMl ?? (product ? num(product.strength.mgPerMl) : undefined);
  const lot = text(s.entered?.lot) ?? text(s.stock?.lot);
  const expiry = text(s.entered?.expiry);
  return prune({
    resourceType: 'Medication',
    id: `${s.sessionId}-medication`,
    meta: meta(1, s.recordedAt),
    code: prune({
      coding: product ? productCoding(product) : [],
      text: name ?? (esketamine ? 'Esketamine' : 'Ketamine'),
    }),
    status: 'active',
    form: product ? formOf(product) : undefined,
    ingredient: ingredient(esketamine, perMl(concentration)),
    batch: lot || expiry ? prune({ lotNumber: lot, expirationDate: expiry }) : undefined,
  });
}
