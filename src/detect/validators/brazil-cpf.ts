// Brazilian CPF (Receita Federal): 9 digits and two mod-11 check digits; all-equal digits are invalid.
import { digitsOf, isRepeatedDigit, weightedSum } from './digits.ts';

function cpfCheckDigit(digits: string, firstWeight: number): number {
  const weights = Array.from({ length: firstWeight - 1 }, (_, i) => firstWeight - i);
  const rest = (weightedSum(digits, weights) * 10) % 11;
  return rest === 10 ? 0 : rest;
}

export function isBrazilCpf(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 11 || isRepeatedDigit(d)) return false;
  return cpfCheckDigit(d, 10) === Number(d[9]) && cpfCheckDigit(d, 11) === Number(d[10]);
}
