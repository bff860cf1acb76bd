// StockSourceField: choose the controlled-drug stock (product at a safe) the dose is drawn from, or none.
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

interface StockSourceFieldProps {
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
}

/** The value is "productId|locationId", or "" for a dose not drawn from the register. */
export function StockSourceField({ value, onValue, error }: StockSourceFieldProps): ReactElement {
  const balances = useApiData<{ balances: BalanceRow[] }>('/cd-register/balances');
  const options = (balances.data?.balances ?? [])
    .filter((b) => b.mg > 0)
    .map((b) => ({
      value: `${b.productId}|${b.locationId}`,
      label: `${b.product ?? 'Product'} at ${b.location?.name ?? 'safe'} (${String(b.mg)} mg in stock)`,
    }));
  return (
    <SelectField
      label="Draw from controlled-drug stock"
      placeholder="Not from the register"
      value={value}
      onValue={onValue}
      options={options}
      error={error}
    />
  );
}

/** The request's `cdStock` for a chosen value. */
export function stockOf(value: string): { productId: string; locationId: string } | undefined {
  const [productId, locationId] = value.split('|');
  return productId && locationId ? { productId, locationId } : undefined;
}
