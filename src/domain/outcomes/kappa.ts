// Chance-corrected agreement: Fleiss' kappa for many raters (Fleiss 1971) and Cohen's kappa for two (Cohen 1960).
import { computed, notComputed, type Computed } from './results.ts';

/** Fleiss' kappa with the parts a reader needs to see where agreement was lost. */
export interface FleissKappa {
  readonly kappa: number;
  /** P̄: mean over subjects of the share of rater pairs agreeing. */
  readonly meanAgreement: number;
  /** P̄e: agreement expected by chance, the sum of squared category shares. */
  readonly chanceAgreement: number;
  /** P_i for each subject, in table order. */
  readonly subjectAgreement: readonly number[];
  /** p_j for each category, in table order. */
  readonly categoryShares: readonly number[];
  readonly subjects: number;
  readonly raters: number;
}

const isCount = (value: number): boolean => Number.isInteger(value) && value >= 0;
const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/**
 * κ = (agreement − chance) / (1 − chance), followed by the parts it was worked from; not computed, for the
 * reason `whenUndefined`, when chance agreement is 1.
 */
function chanceCorrected<P extends { readonly chanceAgreement: number }>(
  agreement: number,
  parts: P,
  whenUndefined: string,
): Computed<{ readonly kappa: number } & P> {
  const { chanceAgreement } = parts;
  if (chanceAgreement >= 1) return notComputed('undefined-statistic', whenUndefined);
  return computed({ kappa: (agreement - chanceAgreement) / (1 - chanceAgreement), ...parts });
}

/**
 * P_i of Fleiss 1971: the share of pairs of a subject's raters who put it in the same category,
 * Σ n_ij(n_ij − 1) / (n(n − 1)); null when fewer than two raters rated it.
 */
export function subjectAgreement(counts: readonly number[]): number | null {
  const n = sum(counts);
  if (n < 2) return null;
  return sum(counts.map((c) => c * (c - 1))) / (n * (n - 1));
}

/**
 * Fleiss' kappa from a subjects × categories table of how many raters put each subject in each category.
 * Every subject must have the same number of raters (at least two), as in Fleiss 1971.
 */
export function fleissKappa(table: readonly (readonly number[])[]): Computed<FleissKappa> {
  const categories = table[0]?.length ?? 0;
  if (table.length === 0) return notComputed('too-few-values', 'No subjects were rated.');
  if (categories === 0 || table.some((row) => row.length !== categories || !row.every(isCount))) {
    return notComputed('invalid-counts', 'Every subject needs a whole-number count for each category.');
  }
  const raters = sum(table[0] ?? []);
  if (raters < 2 || table.some((row) => sum(row) !== raters)) {
    return notComputed('unequal-raters', 'Every subject needs the same number of raters, at least two.');
  }
  const subjectShares = table.map((row) => subjectAgreement(row) ?? 0);
  const categoryShares = Array.from(
    { length: categories },
    (_, j) => sum(table.map((row) => row[j] ?? 0)) / (table.length * raters),
  );
  const meanAgreement = sum(subjectShares) / table.length;
  const chanceAgreement = sum(categoryShares.map((p) => p * p));
  return chanceCorrected(
    meanAgreement,
    {
      meanAgreement,
      chanceAgreement,
      subjectAgreement: subjectShares,
      categoryShares,
      subjects: table.length,
      raters,
    },
    'Every rating fell in one category, so kappa is undefined.',
  );
}

/** Cohen's kappa with observed and chance agreement. */
export interface CohenKappa {
  readonly kappa: number;
  /** p_o: share of items both raters put in the same category. */
  readonly observedAgreement: number;
  /** p_e: agreement expected from each rater's own category shares. */
  readonly chanceAgreement: number;
  readonly items: number;
}

/** Cohen's kappa from a square table: rows are the first rater's categories, columns the second's. */
export function cohenKappaFromTable(table: readonly (readonly number[])[]): Computed<CohenKappa> {
  const k = table.length;
  if (k === 0 || table.some((row) => row.length !== k || !row.every(isCount))) {
    return notComputed('invalid-counts', 'The table must be square with whole-number counts.');
  }
  const items = sum(table.map(sum));
  if (items === 0) return notComputed('too-few-values', 'No items were rated by both raters.');
  const rowShare = table.map((row) => sum(row) / items);
  const columnShare = Array.from({ length: k }, (_, j) => sum(table.map((row) => row[j] ?? 0)) / items);
  const observedAgreement = sum(table.map((row, i) => row[i] ?? 0)) / items;
  const chanceAgreement = sum(rowShare.map((p, i) => p * (columnShare[i] ?? 0)));
  return chanceCorrected(
    observedAgreement,
    { observedAgreement, chanceAgreement, items },
    'Both raters used a single category, so kappa is undefined.',
  );
}

/** Cohen's kappa from paired ratings `[first, second]`; every rating must be one of `categories`. */
export function cohenKappa<T>(
  pairs: readonly (readonly [T, T])[],
  categories: readonly T[],
): Computed<CohenKappa> {
  const table = categories.map(() => categories.map(() => 0));
  for (const [first, second] of pairs) {
    const row = table[categories.indexOf(first)];
    const column = categories.indexOf(second);
    if (row === undefined || column < 0) {
      return notComputed('invalid-counts', 'A rating is not one of the listed categories.');
    }
    row[column] = (row[column] ?? 0) + 1;
  }
  return cohenKappaFromTable(table);
}
