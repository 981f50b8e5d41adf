// Brazilian CNPJ (Receita Federal): 12 digits (8 company + 4 branch) and two mod-11 check digits.
import { digitsOf, isRepeatedDigit, weightedSum } from './digits.ts';

function cnpjCheckDigit(digits: string, weights: readonly number[]): number {
  const rest = weightedSum(digits, weights) % 11;
  return rest < 2 ? 0 : 11 - rest;
}

export function isBrazilCnpj(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 14 || isRepeatedDigit(d)) return false;
  const first = cnpjCheckDigit(d, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = cnpjCheckDigit(d, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return first === Number(d[12]) && second === Number(d[13]);
}
