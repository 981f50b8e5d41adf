// The written forms of dates of care and of ages over 89, one regex each, for care-dates.ts. A form whose
// regex has a group named `v` reports only that group ("on the 22nd" reports "22nd"); others report the whole
// match. Labels are matched, not looked behind for: a look-behind runs at every position of the passage.

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
// Full month names that are not also ordinary words ("may", "march") stand alone as dates.
const LONE_MONTH = '(?:january|february|april|june|july|august|september|october|november|december)';
const MM = '(?:0?[1-9]|1[0-2])';
const DD = '(?:0?[1-9]|[12]\\d|3[01])';
const ORDINAL = '(?:st|nd|rd|th)';
const YEAR = '(?:19|20)\\d{2}';
const AGE = '(?:9\\d|1[01]\\d)';
const NOT_NUMBER_BEFORE = '(?<![\\d/.:])';
const NOT_NUMBER_AFTER = '(?![\\d/]|\\.\\d|-\\d(?!\\d?/))';
// A unit after "Dec 5" makes it "decreased 5 mg", not December 5th.
const NOT_UNIT_AFTER = '(?!\\s?(?:mg|mcg|ml|cc|l|units?|u|%|mm|meq|gm?|kg)\\b)';

export interface DateForm {
  form: string;
  kind: 'date of care' | 'age over 89';
  regex: RegExp;
  /** A hyphen pair ("3-4") is a date only after a date cue; elsewhere it is a range. */
  needsCue?: boolean;
  /** A slash pair may be a reading (ventilator setting, blood pressure, pain score, fraction). */
  mayBeReading?: boolean;
}

const date = (form: string, source: string, flags: string, more: Partial<DateForm> = {}): DateForm => ({
  form,
  kind: 'date of care',
  regex: new RegExp(source, `d${flags}`),
  ...more,
});

export const DATE_FORMS: readonly DateForm[] = [
  date(
    'numeric date',
    `${NOT_NUMBER_BEFORE}\\b${MM}([/-])${DD}\\1(?:${YEAR}|\\d{2})${NOT_NUMBER_AFTER}`,
    'g',
  ),
  // A timestamp ("2025-03-02T10:00", "2025-03-02 02:00") is machine time in a log, not a date of care.
  date('ISO date', `\\b${YEAR}-(?:0[1-9]|1[0-2])-${DD}\\b(?![T ]\\d{2}:\\d{2}|[.:]\\d)`, 'g'),
  date('month/day', `${NOT_NUMBER_BEFORE}\\b${MM}/${DD}${NOT_NUMBER_AFTER}`, 'g', { mayBeReading: true }),
  // Month and two-digit year ("stent 12/82"): the second number cannot be a day.
  date('month/year', `${NOT_NUMBER_BEFORE}\\b${MM}/(?:3[2-9]|[4-9]\\d)${NOT_NUMBER_AFTER}`, 'g', {
    mayBeReading: true,
  }),
  date('month-day', `${NOT_NUMBER_BEFORE}\\b${MM}-${DD}${NOT_NUMBER_AFTER}`, 'g', { needsCue: true }),
  date(
    'month name',
    `\\b${MONTH}\\.?\\s{0,2}${DD}${ORDINAL}?\\b${NOT_UNIT_AFTER}(?:,?\\s{0,2}(?:${YEAR}|'\\d{2}))?` +
      `|\\b${DD}${ORDINAL}?(?:\\s{1,2}of)?\\s{1,2}${MONTH}\\b\\.?(?:,?\\s{0,2}${YEAR})?` +
      `|\\b${MONTH}\\.?,?\\s{1,2}(?:of\\s{1,2})?${YEAR}\\b|\\b${LONE_MONTH}\\b`,
    'gi',
  ),
  date('ordinal day', `\\b(?:on|since|until|from|by) the (?<v>${DD}${ORDINAL})\\b`, 'gi'),
  // "CABG '92", "MI 88'", "the 1980s"; a bare four-digit number is a time (1900 = 7 pm) unless "in 1993".
  // Each starts with its literal (an apostrophe or a digit) so the scan skips ahead; context is checked behind.
  date(
    'year',
    `'\\d{2}\\b(?!')(?<=[\\s(,]'\\d{2})|\\d{2}'(?=[\\s.,;)])(?<=\\s\\d{2}')|\\b(?:19|20)\\d0'?s\\b`,
    'gi',
  ),
  date('year', `${YEAR}\\b(?<=\\b(?:in|since|of|from|year) ${YEAR})`, 'gi'),
  {
    form: 'age',
    kind: 'age over 89',
    regex: new RegExp(
      `\\b${AGE}(?=\\s?-?\\s?(?:yo|y\\/o|y\\.o\\.?|yrs?|years?|yof|yom|male|female|man|woman|gentleman|lady)\\b)`,
      'dgi',
    ),
  },
  { form: 'age', kind: 'age over 89', regex: new RegExp(`\\bage[ds]?:?\\s{1,2}(?<v>${AGE})\\b`, 'dgi') },
];

/** The reported span of a match: its `v` group, or the whole match. */
export function valueSpan(match: RegExpExecArray): [number, number] {
  return match.indices?.groups?.['v'] ?? [match.index, match.index + match[0].length];
}
