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
 * Validator for a region (undefined: international numbers only). With `secondOpinion`, the recognizers-text
 * phone model must also see a phone number in the window (at most 200 characters, and only for candidates
 * libphonenumber accepted). Only the North American rule uses it (bench:recognizers): the model scores valid
 * layouts 0 (French dotted pairs, half of +91 numbers), and the national rules already require a phone word.
 */
export function phoneValidator(region: CountryCode | undefined, secondOpinion: boolean): Validator {
  return (value, { text, start, end }) =>
    isValidPhone(value, region) && (!secondOpinion || phoneScore(text, start, end) >= MIN_RECOGNIZER_SCORE);
}
