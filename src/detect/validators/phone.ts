// Phone numbers: libphonenumber-js (full metadata) decides whether the candidate is a dialable number for the
// rule's region; international candidates carry their own country code. The recognizers-text phone model is
// asked about the window as a second opinion (see phoneValidator).
import { isValidPhoneNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
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

/** The regions of the national-format phone rules: one national number can be valid in several of them. */
const NATIONAL_REGIONS: readonly CountryCode[] = ['US', 'GB', 'DE', 'FR', 'IN'];

const groupsOf = (text: string): string => (text.match(/\d+/g) ?? []).map((g) => g.length).join(' ');

/** Written with the digit groups of `region`'s own national format (e.g. GB `07912 345678`, DE `0791 2345678`). */
export function isGroupedAs(value: string, region: CountryCode): boolean {
  const national = parsePhoneNumberFromString(value, region)?.formatNational();
  return national !== undefined && groupsOf(national) === groupsOf(value);
}

/**
 * A national number valid in several regions (UK mobiles 07xxx are German landlines too) belongs to the region
 * whose conventional grouping it is written in: another region's rule yields when the value is grouped as that
 * region writes it and not as its own. Ungrouped or equally grouped values stay ambiguous (rule confidence decides).
 */
export function isGroupedForRival(value: string, region: CountryCode): boolean {
  if (isGroupedAs(value, region)) return false;
  return NATIONAL_REGIONS.some((r) => r !== region && isValidPhoneNumber(value, r) && isGroupedAs(value, r));
}

/**
 * Validator for a region (undefined: international numbers only). With `secondOpinion`, the recognizers-text
 * phone model must also see a phone number in the window (at most 200 characters, and only for candidates
 * libphonenumber accepted). Only the North American rule uses it (bench:recognizers): the model scores valid
 * layouts 0 (French dotted pairs, half of +91 numbers), and the national rules already require a phone word.
 */
export function phoneValidator(region: CountryCode | undefined, secondOpinion: boolean): Validator {
  return (value, { text, start, end }) =>
    isValidPhone(value, region) &&
    (region === undefined || value.startsWith('+') || !isGroupedForRival(value, region)) &&
    (!secondOpinion || phoneScore(text, start, end) >= MIN_RECOGNIZER_SCORE);
}
