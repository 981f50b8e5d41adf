// Dates of care and ages over 89 in a clinical passage (HIPAA Safe Harbor: every element of a date but the
// year, and every age over 89). Clinical shorthand writes dates as 7/22, 7/22/19, 7-22-2019, 22 Jul, July 22nd,
// "on the 22nd", "CABG '92" or "in 1993": each form is one pattern below. A slash pair after a setting word
// ("PEEP 10/5", "BP 90/50") is a setting, and a hyphen pair ("3-4") is a date only after a date cue.
import { longerFirst, nonOverlapping, type Identifier } from './identifier.ts';
import type { Passage } from './clinical.ts';
import { readGroupedList } from './word-list.ts';

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
// Full month names that are not also ordinary words ("may", "march") stand alone as dates.
const LONE_MONTH = '(?:january|february|april|june|july|august|september|october|november|december)';
const MM = '(?:0?[1-9]|1[0-2])';
const DD = '(?:0?[1-9]|[12]\\d|3[01])';
const ORDINAL = '(?:st|nd|rd|th)';
const YEAR = '(?:19|20)\\d{2}';
const NOT_NUMBER_BEFORE = '(?<![\\d/.:])';
const NOT_NUMBER_AFTER = '(?![\\d/]|\\.\\d|-\\d(?!\\d?/))';
// A unit after "Dec 5" makes it "decreased 5 mg", not December 5th.
const NOT_UNIT_AFTER = '(?!\\s?(?:mg|mcg|ml|cc|l|units?|u|%|mm|meq|gm?|kg)\\b)';

const PATTERNS: readonly { form: string; regex: RegExp; needsCue?: boolean; setting?: boolean }[] = [
  {
    form: 'numeric date',
    regex: new RegExp(`${NOT_NUMBER_BEFORE}\\b${MM}([/-])${DD}\\1(?:${YEAR}|\\d{2})${NOT_NUMBER_AFTER}`, 'g'),
  },
  // A timestamp ("2025-03-02T10:00", "2025-03-02 02:00") is machine time in a log, not a date of care.
  {
    form: 'ISO date',
    regex: new RegExp(
      `\\b${YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])\\b(?![T ]\\d{2}:\\d{2}|[.:]\\d)`,
      'g',
    ),
  },
  {
    form: 'month/day',
    regex: new RegExp(`${NOT_NUMBER_BEFORE}\\b${MM}/${DD}${NOT_NUMBER_AFTER}`, 'g'),
    setting: true,
  },
  // Month and two-digit year ("stent 12/82"): the second number cannot be a day.
  {
    form: 'month/year',
    regex: new RegExp(`${NOT_NUMBER_BEFORE}\\b${MM}/(?:3[2-9]|[4-9]\\d)${NOT_NUMBER_AFTER}`, 'g'),
    setting: true,
  },
  {
    form: 'month-day',
    regex: new RegExp(`${NOT_NUMBER_BEFORE}\\b${MM}-${DD}${NOT_NUMBER_AFTER}`, 'g'),
    needsCue: true,
  },
  {
    form: 'month name',
    regex: new RegExp(
      `\\b${MONTH}\\.?\\s{0,2}${DD}${ORDINAL}?\\b${NOT_UNIT_AFTER}(?:,?\\s{0,2}(?:${YEAR}|'\\d{2}))?` +
        `|\\b${DD}${ORDINAL}?(?:\\s{1,2}of)?\\s{1,2}${MONTH}\\b\\.?(?:,?\\s{0,2}${YEAR})?` +
        `|\\b${MONTH}\\.?,?\\s{1,2}(?:of\\s{1,2})?${YEAR}\\b|\\b${LONE_MONTH}\\b`,
      'gi',
    ),
  },
  {
    form: 'ordinal day',
    regex: new RegExp(`(?<=\\b(?:on|since|until|from|by) the )${DD}${ORDINAL}\\b`, 'gi'),
  },
  {
    form: 'year',
    regex: new RegExp(
      `(?<=[\\s(,])'\\d{2}\\b(?!')|(?<=\\s)\\d{2}'(?=[\\s.,;)])|(?<=\\b(?:in|since|of|from|year) )${YEAR}\\b|\\b(?:19|20)\\d0'?s\\b`,
      'gi',
    ),
  },
];

const AGE_OVER_89 =
  /\b(?:9\d|1[01]\d)(?=\s?-?\s?(?:yo|y\/o|y\.o\.?|yrs?|years?|yof|yom|male|female|man|woman|gentleman|lady)\b)|(?<=\bage[ds]?:?\s{1,2})(?:9\d|1[01]\d)\b/gi;

interface DateCues {
  dayMonth: Set<string>;
  setting: Set<string>;
  pain: Set<string>;
}

let cueWords: DateCues | undefined;

function cues(): DateCues {
  if (cueWords) return cueWords;
  const groups = readGroupedList('date-cues.txt');
  const set = (name: string) => new Set(groups.get(name));
  cueWords = { dayMonth: set('before-day-month'), setting: set('setting'), pain: set('pain') };
  return cueWords;
}

/** The lower-cased word right before `index` (skipping spaces and a colon). */
function wordBefore(text: string, index: number): string {
  const before = /([^\s:]+)[\s:]*$/.exec(text.slice(Math.max(0, index - 24), index));
  return (before?.[1] ?? '').toLowerCase();
}

/** Words looked back, on the same line, for a setting word before a slash pair. */
const SETTING_REACH = 3;

/** A setting word among the few before the pair, or a pain word right before or after it ("6/10 pain"). */
function isReading(text: string, start: number, end: number, { setting, pain }: DateCues): boolean {
  const line =
    text
      .slice(Math.max(0, start - 48), start)
      .split('\n')
      .at(-1) ?? '';
  const before = line
    .toLowerCase()
    .split(/[^a-z0-9/:]+/)
    .filter(Boolean)
    .slice(-SETTING_REACH);
  const next = (/^\s{0,2}([a-z/]+)/i.exec(text.slice(end, end + 16))?.[1] ?? '').toLowerCase();
  return before.some((word) => setting.has(word)) || pain.has(before.at(-1) ?? '') || pain.has(next);
}

/** 1/2, 3/4, 2/2, 4/4 bottles: a fraction or a count out of a small whole, not January 2nd or April 4th. */
function isFraction(value: string): boolean {
  const [top, bottom] = value.split('/').map(Number);
  return bottom !== undefined && top !== undefined && bottom <= 4 && top <= bottom;
}

export function careDates(text: string, passages: readonly Passage[]): Identifier[] {
  const found: Identifier[] = [];
  const dateCues = cues();
  for (const { start, end } of passages) {
    const passage = text.slice(start, end);
    for (const { form, regex, needsCue, setting: settingLike } of PATTERNS) {
      for (const m of passage.matchAll(regex)) {
        if (needsCue && !dateCues.dayMonth.has(wordBefore(passage, m.index))) continue;
        if (settingLike && (isFraction(m[0]) || isReading(passage, m.index, m.index + m[0].length, dateCues)))
          continue;
        found.push({
          start: start + m.index,
          end: start + m.index + m[0].length,
          kind: 'date of care',
          cue: form,
        });
      }
    }
    for (const m of passage.matchAll(AGE_OVER_89)) {
      found.push({
        start: start + m.index,
        end: start + m.index + m[0].length,
        kind: 'age over 89',
        cue: 'age',
      });
    }
  }
  return nonOverlapping(found, longerFirst);
}
