// Australian Tax File Number (ATO): 9 digits whose weighted sum (1,4,3,7,5,8,6,9,10) is divisible by 11.
import { digitsOf, weightedSum } from './digits.ts';

const TFN_WEIGHTS = [1, 4, 3, 7, 5, 8, 6, 9, 10];

export function isAustraliaTfn(value: string): boolean {
  const d = digitsOf(value);
  return d.length === 9 && d !== '000000000' && weightedSum(d, TFN_WEIGHTS) % 11 === 0;
}
