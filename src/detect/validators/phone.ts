// Phone numbers: libphonenumber-js (full metadata) decides whether the candidate is a dialable number for the
// rule's region; international candidates carry their own country code. The recognizers-text phone model is
// asked about the window as a second opinion (see phoneValidator).
import { isValidPhoneNumber, type CountryCode } from 'libphonenumber-js/max';
import { phoneScore } from '../recognizers.ts';
import type { Validator } from './index.ts';

/** Valid per libphonenumber: international when the value starts with + (or 00), national for `region`. */
export function isValidPhone(value: string, region?: CountryCode): boolean {
  const international = value.startsWith('00') ? `+${value.slice(2)}` : value;
  if (international.startsWith('+')) return isValidPhoneNumber(international);
  return region !== undefined && isValidPhoneNumber(value, region);
}

/** Below this recognizers-text score a national-format candidate is not trusted (it scores order ids 0.5). */
const MIN_RECOGNIZER_SCORE = 0.5;

/**
 * Validator for a region (undefined: international numbers only). The recognizers-text check runs only on
 * candidates libphonenumber accepted, on a window of at most 200 characters.
 */
export function phoneValidator(region?: CountryCode): Validator {
  return (value, { text, start, end }) =>
    isValidPhone(value, region) && phoneScore(text, start, end) >= MIN_RECOGNIZER_SCORE;
}
