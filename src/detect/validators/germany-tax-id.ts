// German Steuerliche Identifikationsnummer (BZSt, §139b AO): 11 digits, first not 0. Among the first 10 digits
// exactly one digit occurs two or three times (three only if not all adjacent); check digit ISO 7064 MOD 11,10.
import { digitsOf } from './digits.ts';

export function iso7064Mod1110CheckDigit(digits: string): number {
  let product = 10;
  for (const char of digits) {
    let sum = (Number(char) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}

function repetitionRuleHolds(first10: string): boolean {
  const counts = new Map<string, number>();
  for (const char of first10) counts.set(char, (counts.get(char) ?? 0) + 1);
  const repeated = [...counts].filter(([, count]) => count > 1);
  if (repeated.length !== 1) return false;
  const [digit, count] = repeated[0] ?? ['', 0];
  return count === 2 || (count === 3 && !first10.includes(digit.repeat(3)));
}

export function isGermanyTaxId(value: string): boolean {
  const d = digitsOf(value);
  if (!/^[1-9]\d{10}$/.test(d)) return false;
  const first10 = d.slice(0, 10);
  return repetitionRuleHolds(first10) && iso7064Mod1110CheckDigit(first10) === Number(d[10]);
}
