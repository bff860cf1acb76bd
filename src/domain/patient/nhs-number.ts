// NHS number validation: ten digits whose last is a modulus-11 check digit.

/**
 * True when `value` (spaces allowed) is a valid NHS number.
 * Check digit per the NHS Data Dictionary "NHS Number" algorithm: weights 10..2 on the first nine digits,
 * 11 minus (sum mod 11); a result of 11 means 0 and a result of 10 means the number is invalid.
 */
export function isValidNhsNumber(value: string): boolean {
  const digits = value.replace(/\s+/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** The NHS number as ten digits with no spaces. */
export function normaliseNhsNumber(value: string): string {
  return value.replace(/\s+/g, '');
}

/** The NHS number formatted 3-3-4 for display ("943 476 5919"). */
export function formatNhsNumber(value: string): string {
  const d = normaliseNhsNumber(value);
  return d.length === 10 ? `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}` : value;
}
