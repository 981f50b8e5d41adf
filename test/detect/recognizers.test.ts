// recognizers-text used on short windows: offsets are mapped back to the caller's text, entities outside the
// candidate are ignored, and the window never exceeds MAX_WINDOW whatever the document size.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_WINDOW,
  phoneScore,
  recognizeAround,
  resolvedDates,
  warmRecognizers,
} from '../../src/detect/recognizers.ts';

const around = (before: string, value: string, after = '') => {
  const text = before + value + after;
  return { text, start: before.length, end: before.length + value.length };
};

beforeAll(() => warmRecognizers());

describe('recognizers on windows', () => {
  it.each([
    ['Call me at ', '+1 (415) 555-0132', ' tomorrow', true],
    ['Handy ', '0151 23456789', '', true],
    ['Son portable: ', '06.12.34.56.78', '', false],
  ])('phoneScore for %j%j is positive: %s', (before, value, after, positive) => {
    const { text, start, end } = around(before, value, after);
    expect(phoneScore(text, start, end) > 0).toBe(positive);
  });

  it('maps entity offsets back into the whole text', () => {
    const { text, start, end } = around('x'.repeat(5_000) + ' mail ', 'anna.berg@korvo-mail.se', ' now');
    const [entity] = recognizeAround('email', text, start, end);
    expect(entity && text.slice(entity.start, entity.end)).toBe('anna.berg@korvo-mail.se');
  });

  it('ignores entities that do not overlap the candidate', () => {
    const { text, start, end } = around('ping 8.8.4.4 then order ', '1234', '');
    expect(recognizeAround('ip', text, start, end)).toEqual([]);
    expect(recognizeAround('ip', text, text.indexOf('8.8.4.4'), text.indexOf('8.8.4.4') + 7)).toHaveLength(1);
  });

  it.each([
    ['born on ', '12 March 1985', ' in Lyon', ['1985-03-12']],
    ['DOB ', '12th of March, 1985', '', ['1985-03-12']],
    ['seen ', 'yesterday', '', []],
  ])('resolvedDates for %j%j', (before, value, after, expected) => {
    const { text, start, end } = around(before, value, after);
    const dates = resolvedDates(text, start, end);
    if (expected.length === 0) expect(dates.filter((d) => d.startsWith('1985'))).toEqual([]);
    else expect(dates).toEqual(expect.arrayContaining(expected));
  });

  it('parses at most MAX_WINDOW characters even in a long sentence', () => {
    // A long run of dates would take the date-time model seconds on the whole text; the window keeps it small.
    const filler = Array.from({ length: 2_000 }, (_, i) => `on ${(i % 28) + 1} May 2001`).join(' and ');
    const { text, start, end } = around(filler + ' born ', '3 June 1990', ' and ' + filler);
    const dates = resolvedDates(text, start, end);
    expect(dates).toContain('1990-06-03');
    expect(MAX_WINDOW).toBeLessThanOrEqual(200);
  });
});
