// IBAN (ISO 13616): country code, per-country length and BBAN structure, mod-97 check digits, via ibantools.
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';

export function isIban(value: string): boolean {
  const electronic = electronicFormatIBAN(value);
  return electronic !== null && isValidIBAN(electronic);
}
