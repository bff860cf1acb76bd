// Types of scripts/bundle-budget.mjs for the TypeScript that imports it (bench/bundle.ts, the budget test).

export interface AssetSize {
  /** The file under web/dist, e.g. assets/index-abc123.js. */
  name: string;
  raw: number;
  gzip: number;
  brotli: number;
}

export const SIGN_IN_BUDGET_GZIP: number;
export const DEFAULT_DIST: string;
export function assetSizes(dist?: string): AssetSize[];
export function signInPageFiles(dist?: string): string[];
export function signInPage(dist?: string): { files: AssetSize[]; gzip: number };
export function checkBudget(
  dist?: string,
  budget?: number,
): { ok: boolean; gzip: number; budget: number; lines: string[] };
