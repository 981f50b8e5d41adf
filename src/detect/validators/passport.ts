// Passport numbers have no check digit outside the machine-readable zone. Letter-and-digit forms have a shape of
// their own; an all-digit form (US and UK books: 9 digits) is a passport number only next to a passport word.
import { digitsOf, isPlaceholderDigits } from './digits.ts';
import type { ValidatorContext } from './index.ts';
import { saysNearby } from './nearby.ts';

const PASSPORT_WORDS = /passport|pasaporte|passeport|reisepass|passaporto|paszport|여권|पासपोर्ट|护照/i;

export function isPassportNumber(value: string, context: ValidatorContext): boolean {
  if (/[A-Z]/i.test(value)) return true;
  return !isPlaceholderDigits(digitsOf(value)) && saysNearby(context, PASSPORT_WORDS, 50);
}
