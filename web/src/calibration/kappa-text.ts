// Words for agreement statistics: a kappa to two places with its Landis & Koch band, or why it has none.
import type { Computed } from './calibration-types.ts';

// Bands per Landis & Koch (1977), the usual plain-words reading of kappa.
function band(kappa: number): string {
  if (kappa < 0) return 'worse than chance';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}

/** "κ 0.62 (substantial)". */
export function kappaText(kappa: number): string {
  return `κ ${kappa.toFixed(2).replace('-', '−')} (${band(kappa)})`;
}

/** The kappa of a computed statistic, or "Not computed: <reason>". */
export function computedKappaText(c: Computed<{ kappa: number }>): string {
  return c.ok ? kappaText(c.value.kappa) : `Not computed: ${c.reason.text}`;
}

/**
 * The kappa with its band, or, when the domain's interpretability rule gave warnings, the number marked "not
 * interpretable" with no band: "κ 0.00 (slight)" on two vignettes, or beside 0 % agreement, would mislead.
 */
export function readableKappaText(
  c: Computed<{ kappa: number }>,
  warnings: readonly { text: string }[],
): string {
  if (!c.ok || warnings.length === 0) return computedKappaText(c);
  return `κ ${c.value.kappa.toFixed(2).replace('-', '−')}, not interpretable`;
}
