// Dates inside identifiers (birth dates in personal numbers): a real calendar day, and two-digit years.

/** True when year-month-day is a real day of the Gregorian calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A two-digit year as the most recent year that is not in the future. */
export function pastYear(yy: number, now = new Date()): number {
  const year = 2000 + yy;
  return year > now.getUTCFullYear() ? year - 100 : year;
}
