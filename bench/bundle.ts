// The web app's bundle for the bench: every built asset's size (raw, gzip, brotli) and the sign-in page's JavaScript
// against its budget. Reads web/dist as `npm run build` leaves it; the same figures fail the build when over budget.
import {
  assetSizes,
  DEFAULT_DIST,
  signInPage,
  SIGN_IN_BUDGET_GZIP as BUDGET,
} from '../scripts/bundle-budget.mjs';

/** The sign-in page's JavaScript budget in bytes, gzipped (scripts/bundle-budget.mjs fails the build above it). */
export const SIGN_IN_BUDGET_GZIP: number = BUDGET;

/** Every built asset of web/dist (JavaScript and CSS, not their compressed copies), largest first. */
export async function bundleSizes(
  dist: string = DEFAULT_DIST,
): Promise<{ name: string; raw: number; gzip: number; brotli: number }[]> {
  return assetSizes(dist);
}

/** Bytes of JavaScript, gzipped, that the sign-in page loads (entry, its static imports, the sign-in route's chunk). */
export async function signInPageGzip(dist: string = DEFAULT_DIST): Promise<number> {
  return signInPage(dist).gzip;
}
