// Dates of birth: the candidate must be a real calendar date in the past, at most 120 years ago. Numeric dates
// are parsed here (day-month and month-day orders both tried); dates with month names are resolved by the
// recognizers-text date-time model on a short window, which understands "12th of March, 1985" and similar.
import { resolvedDates } from '../recognizers.ts';
import type { ValidatorContext } from './index.ts';

const MAX_AGE_YEARS = 120;

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date.toISOString().slice(0, 10) : undefined;
}

/** Two-digit years belong to the most recent century that keeps the date in the past. */
function fullYear(year: string, now: Date): number {
  if (year.length === 4) return Number(year);
  const y = 2000 + Number(year);
  return y > now.getUTCFullYear() ? y - 100 : y;
}

/** Candidate ISO dates for a numeric value: Y-M-D, D.M.Y / M.D.Y (either order when ambiguous). */
export function numericDateCandidates(value: string, now: Date): string[] {
  const parts = value.split(/[./-]/);
  if (parts.length !== 3) return [];
  const [a = '', b = '', c = ''] = parts;
  if (a.length === 4) return [isoDate(Number(a), Number(b), Number(c))].filter((d) => d !== undefined);
  const year = fullYear(c, now);
  return [isoDate(year, Number(b), Number(a)), isoDate(year, Number(a), Number(b))].filter(
    (d) => d !== undefined,
  );
}

export function isPlausibleBirthDate(iso: string, now: Date): boolean {
  const today = now.toISOString().slice(0, 10);
  const oldest = `${now.getUTCFullYear() - MAX_AGE_YEARS}${today.slice(4)}`;
  return iso < today && iso >= oldest;
}

export function isDateOfBirth(value: string, context: ValidatorContext, now = new Date()): boolean {
  const candidates = /[a-z]/i.test(value)
    ? resolvedDates(context.text, context.start, context.end)
    : numericDateCandidates(value, now);
  return candidates.some((iso) => isPlausibleBirthDate(iso, now));
}
