// StockSourceField: the controlled-drug stock (product at a safe) the dose is drawn from: the register is the
// default source; a dose not drawn from it asks for the reason (journey review 2026-12 item 15).
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { useApiData } from '../api/use-api-data.ts';
import { Field } from '../ui/Field.tsx';
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

/**
 * The source shown: the one chosen, else the register's first stock (the default), else "" (no stock in the
 * register: nothing to choose, and the dose is recorded without a register entry).
 */
export function stockChoice(value: string, options: readonly { value: string }[]): string {
  return value || (options[0]?.value ?? '');
}

interface StockSourceFieldProps {
  /** "productId|locationId", `NOT_FROM_REGISTER`, or "" (not changed: the register's first stock). */
  value: string;
  onValue: (value: string) => void;
  options: readonly { value: string; label: string }[];
  reason: string;
  onReason: (reason: string) => void;
  error?: string | undefined;
  reasonError?: string | undefined;
  /**
   * Where the patient's address is recorded, when their record has none: the register entry names the person
   * supplied with their address (UK reg. 19; US 21 CFR 1304.22(c)(4)), taken from the record.
   */
  addressMissingFix?: string | undefined;
}

/**
 * The register's stock, the first chosen by default, and "Not from the register", which warns and asks why.
 * With no stock in the register there is nothing to choose and nothing is shown.
 */
export function StockSourceField({
  value,
  onValue,
  options,
  reason,
  onReason,
  error,
  reasonError,
  addressMissingFix,
}: StockSourceFieldProps): ReactElement | null {
  if (options.length === 0) return null;
  const chosen = stockChoice(value, options);
  return (
    <div className="stack">
      <SelectField
        label="Draw from controlled-drug stock"
        value={chosen}
        onValue={onValue}
        options={[
          ...options,
          { value: NOT_FROM_REGISTER, label: 'Not from the register (record it there separately)' },
        ]}
        error={error}
      />
      {chosen !== NOT_FROM_REGISTER && addressMissingFix ? (
        <p className="notice notice-warning" role="status">
          The register records the name and address of the person supplied (UK Misuse of Drugs Regulations
          2001 reg. 19; US 21 CFR 1304.22(c)(4)), and this patient has no address recorded: the entry will be
          flagged as missing it. <Link to={addressMissingFix}>Record the patient&rsquo;s address</Link>
        </p>
      ) : null}
      {chosen === NOT_FROM_REGISTER ? (
        <>
          <p className="notice notice-warning" role="status">
            This dose will not appear in the controlled-drug register: record the administration there
            separately.
          </p>
          <Field
            label="Reason the dose is not drawn from the register"
            multiline
            required
            maxLength={1000}
            value={reason}
            onValue={onReason}
            error={reasonError}
          />
        </>
      ) : null}
    </div>
  );
}

/** The request's `cdStock` for a chosen value. */
export function stockOf(value: string): { productId: string; locationId: string } | undefined {
  const [productId, locationId] = value.split('|');
  return productId && locationId ? { productId, locationId } : undefined;
}
