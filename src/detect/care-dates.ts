// Dates of care and ages over 89 in a clinical passage (HIPAA Safe Harbor: every element of a date but the
// year, and every age over 89). Clinical shorthand writes dates as 7/22, 7/22/19, 7-22-2019, 22 Jul, July 22nd,
// "on the 22nd", "CABG '92" or "in 1993" (care-date-forms.ts). A slash pair near a setting or pain word
// ("PEEP 10/5", "BP 90/50", "6/10 pain") or a small fraction ("1/2 NS") is a reading, and a hyphen pair
// ("3-4") is a date only after a date cue (rules/lists/date-cues.txt).
import { DATE_FORMS, valueSpan } from './care-date-forms.ts';
import { longerFirst, nonOverlapping, type Identifier } from './identifier.ts';
import type { Passage } from './clinical.ts';
import { readGroupedSets } from './word-list.ts';

interface DateCues {
  dayMonth: Set<string>;
  setting: Set<string>;
  pain: Set<string>;
}

let cueWords: DateCues | undefined;

function cues(): DateCues {
  if (cueWords) return cueWords;
  const set = readGroupedSets('date-cues.txt');
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
    for (const { form, kind, regex, needsCue, mayBeReading } of DATE_FORMS) {
      for (const m of passage.matchAll(regex)) {
        const [from, to] = valueSpan(m);
        if (needsCue && !dateCues.dayMonth.has(wordBefore(passage, from))) continue;
        if (mayBeReading && (isFraction(m[0]) || isReading(passage, from, to, dateCues))) continue;
        found.push({ start: start + from, end: start + to, kind, cue: form });
      }
    }
  }
  return nonOverlapping(found, longerFirst);
}
