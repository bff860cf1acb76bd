// Which fields each entry kind must and may carry (receipt needs its supplier; administration its patient and session).
import { isoDate } from '../core/calendar.ts';
import type { EntryDraft, EntryKind } from './entry.ts';
import type { RegisterMode } from './policy.ts';
import { problem, type LedgerProblem } from './problems.ts';

type OptionalField = Exclude<
  keyof EntryDraft,
  'kind' | 'productId' | 'locationId' | 'authorId' | 'witnesses'
>;

const TIMED: readonly OptionalField[] = ['quantity', 'occurredAt', 'lateEntryReason', 'reason', 'lot'];

/** Fields each kind may carry besides kind, product, location, author and witnesses. */
export const KIND_FIELDS: Readonly<Record<EntryKind, readonly OptionalField[]>> = {
  receipt: [...TIMED, 'supplier', 'invoiceNumber', 'expiry'],
  administration: [
    ...TIMED,
    'patientId',
    'sessionId',
    'administeredById',
    'prescriberId',
    'suppliedToAddress',
  ],
  waste: [...TIMED, 'patientId', 'sessionId'],
  transfer: [...TIMED, 'counterpartyLocationId'],
  return: [...TIMED, 'supplier', 'invoiceNumber'],
  destruction: [...TIMED, 'destructionMethod'],
  loss: [...TIMED, 'theft'],
  count: ['quantity', 'occurredAt', 'lateEntryReason', 'reason'],
  // Dated when made (reg 20(c)); what it corrects comes from the target.
  correction: ['quantity', 'reason', 'correctsEntryId'],
};

const OPTIONAL_FIELDS: readonly OptionalField[] = [
  ...new Set(Object.values(KIND_FIELDS).flat()),
  'occurredAt',
];

const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

function supplierProblems(draft: EntryDraft, mode: RegisterMode): LedgerProblem[] {
  const { supplier } = draft;
  const wanted =
    mode === 'us' ? (['name', 'address', 'registrationNumber'] as const) : (['name', 'address'] as const);
  // US 21 CFR 1304.22(c)(3): name, address and DEA registration number; UK reg 19: name and address.
  return wanted
    .filter((field) => blank(supplier?.[field]))
    .map((field) =>
      problem('wrong-kind-fields', `supplier.${field}`, `A ${draft.kind} needs the supplier's ${field}.`),
    );
}

function required(draft: EntryDraft, mode: RegisterMode): LedgerProblem[] {
  const need = (
    field: keyof EntryDraft,
    code: LedgerProblem['code'] = 'wrong-kind-fields',
  ): LedgerProblem[] => {
    const value = draft[field];
    const missing = value === undefined || (typeof value === 'string' && value.trim() === '');
    return missing ? [problem(code, field, `A ${draft.kind} entry needs ${field}.`)] : [];
  };
  switch (draft.kind) {
    case 'receipt': {
      const expiry = !blank(draft.expiry) && isoDate(draft.expiry ?? '') === undefined;
      const badExpiry = expiry
        ? [problem('wrong-kind-fields', 'expiry', 'expiry must be a date YYYY-MM-DD.')]
        : [];
      return [
        ...supplierProblems(draft, mode),
        ...need('invoiceNumber'),
        ...need('lot'),
        ...need('expiry'),
        ...badExpiry,
      ];
    }
    case 'administration': {
      const who = [
        ...need('patientId', 'administration-needs-patient-and-session'),
        ...need('sessionId', 'administration-needs-patient-and-session'),
      ];
      // UK reg 19 heading "authority to possess": the prescriber's details.
      return mode === 'uk' ? [...who, ...need('prescriberId')] : who;
    }
    case 'transfer': {
      const to = need('counterpartyLocationId', 'transfer-needs-destination');
      if (to.length > 0 || draft.counterpartyLocationId !== draft.locationId) return to;
      const text = 'A transfer must go to a different location.';
      return [problem('transfer-to-same-location', 'counterpartyLocationId', text)];
    }
    case 'return':
      return supplierProblems(draft, mode);
    case 'destruction':
      return need('destructionMethod');
    case 'loss':
      return need('reason');
    case 'correction':
      return [
        ...need('correctsEntryId', 'correction-needs-target'),
        ...need('reason', 'correction-needs-reason'),
      ];
    case 'waste':
    case 'count':
      return [];
  }
}

/** Missing fields the kind needs, and fields the kind does not carry (`wrong-kind-fields`). */
export function kindFieldProblems(draft: EntryDraft, mode: RegisterMode): LedgerProblem[] {
  const problems = (['productId', 'locationId', 'authorId'] as const)
    .filter((field) => blank(draft[field]))
    .map((field) => problem('wrong-kind-fields', field, `${field} is required.`));
  const allowed = new Set(KIND_FIELDS[draft.kind]);
  for (const field of OPTIONAL_FIELDS) {
    if (draft[field] !== undefined && !allowed.has(field)) {
      problems.push(problem('wrong-kind-fields', field, `A ${draft.kind} entry does not carry ${field}.`));
    }
  }
  return [...problems, ...required(draft, mode)];
}
