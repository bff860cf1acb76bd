// StockRefusal: the numbers behind a stock refusal: what was asked for and what each location holds, or the moved balance.
import type { ApiError } from '../api/api-error.ts';
import { stockSentence } from './cd-format.ts';
import type { ProductView } from './cd-types.ts';
import type { Catalog } from './use-catalog.ts';

interface StockFigure {
  locationId: string;
  containers: number;
  mg: number;
  openedMg: number | null;
}

function isStockFigure(value: unknown): value is StockFigure {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.locationId === 'string' && typeof v.containers === 'number' && typeof v.mg === 'number';
}

function requestedText(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const parts = [
    typeof v.containers === 'number' ? `${v.containers} sealed containers` : null,
    typeof v.mg === 'number' ? `${v.mg} mg` : null,
  ].filter((p) => p !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}

interface StockRefusalProps {
  problem: ApiError | null;
  product: ProductView;
  catalog: Catalog;
}

/** Nothing unless the refusal is `insufficient-stock` (409) or `register-changed` (409). */
export function StockRefusal({ problem, product, catalog }: StockRefusalProps) {
  if (problem?.code === 'insufficient-stock') {
    const stock = Array.isArray(problem.body.stock)
      ? (problem.body.stock as unknown[]).filter(isStockFigure)
      : [];
    const asked = requestedText(problem.body.requested);
    return (
      <ul className="cd-refusal-figures">
        {asked ? <li>Asked for: {asked}</li> : null}
        {stock.map((s) => (
          <li key={s.locationId}>
            In stock at {catalog.location(s.locationId)?.name ?? 'another location'}:{' '}
            {stockSentence(s, s.openedMg, product)}
          </li>
        ))}
      </ul>
    );
  }
  if (problem?.code === 'register-changed' && isStockFigure(problem.body.balance)) {
    const b = problem.body.balance;
    return (
      <p className="cd-refusal-figures">
        The register now shows {stockSentence(b, b.openedMg, product)}. The figure beside the count has been
        updated: count again and re-enter.
      </p>
    );
  }
  return null;
}
