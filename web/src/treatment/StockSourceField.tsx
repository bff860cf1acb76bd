// StockSourceField: choose the controlled-drug stock (product at a safe) the dose is drawn from, or say explicitly
// that it is not drawn from the register (journey review 2026-12 defect 15: no silent default).
import type { ReactElement } from 'react';
import { useApiData } from '../api/use-api-data.ts';
import { SelectField } from '../ui/SelectField.tsx';

interface BalanceRow {
  productId: string;
  locationId: string;
  mg: number;
  product: string | null;
  location: { name: string } | null;
}

/** The value when the user chose not to draw from the register. */
export const NOT_FROM_REGISTER = 'none';

/** The stock in the register the dose can be drawn from, as select options. */
export function useStockOptions(): { value: string; label: string }[] {
  const balances = useApiData<{ balances: BalanceRow[] }>('/cd-register/balances');
  return (balances.data?.balances ?? [])
    .filter((b) => b.mg > 0)
    .map((b) => ({
      value: `${b.productId}|${b.locationId}`,
      label: `${b.product ?? 'Product'} at ${b.location?.name ?? 'safe'} (${String(b.mg)} mg in stock)`,
    }));
}

interface StockSourceFieldProps {
  value: string;
  onValue: (value: string) => void;
  options: readonly { value: string; label: string }[];
  error?: string | undefined;
}

/**
 * The value is "productId|locationId", `NOT_FROM_REGISTER`, or "" (not chosen yet: the form asks for a choice
 * when register stock exists). Choosing "not from the register" shows a warning.
 */
export function StockSourceField({ value, onValue, options, error }: StockSourceFieldProps): ReactElement {
  return (
    <div className="stack">
      <SelectField
        label="Draw from controlled-drug stock"
        placeholder="Choose the stock"
        value={value}
        onValue={onValue}
        options={[
          ...options,
          { value: NOT_FROM_REGISTER, label: 'Not from the register (record it there separately)' },
        ]}
        error={error}
      />
      {value === NOT_FROM_REGISTER ? (
        <p className="notice notice-warning" role="status">
          This dose will not appear in the controlled-drug register: record the administration there
          separately.
        </p>
      ) : null}
    </div>
  );
}

/** The request's `cdStock` for a chosen value. */
export function stockOf(value: string): { productId: string; locationId: string } | undefined {
  const [productId, locationId] = value.split('|');
  return productId && locationId ? { productId, locationId } : undefined;
}
