// Phone numbers: libphonenumber-js (full metadata) decides whether the candidate is a dialable number for the
// rule's region; international candidates carry their own country code, and the national-format rule of no
// fixed country takes the region from a country named nearby. One parse per candidate, and verdicts are
// remembered: spam and contact lists repeat the same numbers thousands of times (bench:detect "phone list").
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { regionsNamed } from './phone-regions.ts';
import type { Validator } from './index.ts';

/** The number as libphonenumber reads it: international when it starts with + (or 00), else national. */
function parse(value: string, region: CountryCode | undefined): PhoneNumber | undefined {
  const international = value.startsWith('00') ? `+${value.slice(2)}` : value;
  if (international.startsWith('+')) return parsePhoneNumberFromString(international, { extract: false });
  if (region === undefined) return undefined;
  return parsePhoneNumberFromString(value, { defaultCountry: region, extract: false });
}

// Ranges the regulators set aside for films, books and documentation: NANPA 555-0100 to 555-0199, Ofcom's drama
// numbers (020 7946 0xxx, 07700 900xxx, 0113 496 0xxx ...), ACMA's (0491 57x xxx, (02) 5550 xxxx, (02) 7010 xxxx).
const FICTIONAL: Partial<Record<string, RegExp>> = {
  '1': /^\d{3}55501\d{2}$/,
  '44': /^(?:(?:11[3-8]|1[2-6]1)4960|1914980|2079460|2890180|2920180|1632960|7700900|8081570|9098790|3069990)\d{3}$/,
  '61': /^(?:49157\d{4}|[2378](?:5550|7010)\d{4})$/,
};

function isFictional(phone: PhoneNumber): boolean {
  return FICTIONAL[phone.countryCallingCode]?.test(phone.nationalNumber) ?? false;
}

/** A real dialable number per libphonenumber (international when it starts with + or 00, else national for
 * `region`), outside the fictional ranges. */
export function isValidPhone(value: string, region?: CountryCode): boolean {
  const phone = parse(value, region);
  return phone !== undefined && phone.isValid() && !isFictional(phone);
}

/** The regions of the national-format phone rules: one national number can be valid in several of them. */
const NATIONAL_REGIONS: readonly CountryCode[] = ['US', 'GB', 'DE', 'FR', 'IN'];

const groupsOf = (text: string): string => (text.match(/\d+/g) ?? []).map((g) => g.length).join(' ');

function isGroupedLike(value: string, phone: PhoneNumber | undefined): boolean {
  return phone !== undefined && groupsOf(phone.formatNational()) === groupsOf(value);
}

/** Written with the digit groups of `region`'s own national format (e.g. GB `07912 345678`, DE `0791 2345678`). */
export function isGroupedAs(value: string, region: CountryCode): boolean {
  return isGroupedLike(value, parse(value, region));
}

/**
 * A national number valid in several regions (UK mobiles 07xxx are German landlines too) belongs to the region
 * whose conventional grouping it is written in: another region's rule yields when the value is grouped as that
 * region writes it and not as its own. Ungrouped or equally grouped values stay ambiguous (rule confidence decides).
 */
export function isGroupedForRival(value: string, region: CountryCode): boolean {
  if (isGroupedAs(value, region)) return false;
  return NATIONAL_REGIONS.some((r) => {
    if (r === region) return false;
    const phone = parse(value, r);
    return phone?.isValid() === true && isGroupedLike(value, phone);
  });
}

/** The verdict for a national value in `region`: valid there, and not written in a rival region's grouping. */
function isNationalFor(value: string, region: CountryCode): boolean {
  const phone = parse(value, region);
  if (!phone?.isValid() || isFictional(phone)) return false;
  if (isGroupedLike(value, phone)) return true;
  return !isGroupedForRival(value, region);
}

/** Bounded memory of verdicts; cleared when full (a scan's hot numbers come back at once). */
const MEMO_LIMIT = 4096;
const verdicts = new Map<string, boolean>();

function remembered(key: string, decide: () => boolean): boolean {
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    if (verdicts.size >= MEMO_LIMIT) verdicts.clear();
    verdict = decide();
    verdicts.set(key, verdict);
  }
  return verdict;
}

/** Words right before a value that make it a version, build, process or thread number, not a phone. */
const LOOKALIKE_BEFORE =
  /(?:\bv|version|release|build|ver\.?|rev\.?|revision|pid|tid|thread|frame)\s*[:=#]?\s*$/i;

function followsLookalikeWord(text: string, start: number): boolean {
  return LOOKALIKE_BEFORE.test(text.slice(Math.max(0, start - 16), start));
}

/** Validator for a region (undefined: international numbers only). */
export function phoneValidator(region: CountryCode | undefined): Validator {
  return (value, { text, start }) => {
    if (followsLookalikeWord(text, start)) return false;
    const international = region === undefined || value.startsWith('+');
    const key = `${international ? '+' : region}|${value}`;
    return remembered(key, () => (international ? isValidPhone(value) : isNationalFor(value, region)));
  };
}

/** How far around a national number a country name is looked for. */
const REGION_WINDOW = 60;

/** A national-format number valid in a country named within REGION_WINDOW characters (the nearest that fits). */
export const phoneOfNamedRegion: Validator = (value, { text, start, end }) => {
  const digits = value.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15 || followsLookalikeWord(text, start)) return false;
  const from = Math.max(0, start - REGION_WINDOW);
  const around = text.slice(from, Math.min(text.length, end + REGION_WINDOW));
  return regionsNamed(around, start - from).some((region) =>
    remembered(`${region}|${value}`, () => isValidPhone(value, region)),
  );
};
