// India GSTIN (GST Council: state code, the holder's PAN, entity number, Z, and a mod-36 check character).
import { alnumValue } from './digits.ts';

const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** State codes 01-38, 97 (other territory) and 99 (centre jurisdiction). */
function isGstState(code: number): boolean {
  return (code >= 1 && code <= 38) || code === 97 || code === 99;
}

export function isIndiaGstin(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^\d{2}[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/.test(v)) return false;
  if (!isGstState(Number(v.slice(0, 2)))) return false;
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const product = alnumValue(v[i]!) * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return BASE36[(36 - (sum % 36)) % 36] === v[14];
}
