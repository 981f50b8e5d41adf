// Instants rendered in, and wall-clock literals read in, a named IANA zone. Jira renders timestamps in the site
// zone and reads JQL/CQL date literals in the searching user's zone; the fake keeps the two apart on purpose.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let cached = formatters.get(zone);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, cached);
  }
  return cached;
}

/** Offset of `zone` from UTC at instant `ms`, in minutes (Los Angeles in winter: -480). */
function zoneOffsetMinutes(zone: string, ms: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(ms))) parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return Math.round((asUtc - (ms - (ms % 1000))) / 60_000);
}

/** Jira's rendering: `2024-01-15T10:30:00.000-0800`, the wall clock of `zone` with a colon-less offset. */
export function formatJiraTime(ms: number, zone: string): string {
  const offset = zoneOffsetMinutes(zone, ms);
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}${mm}`;
}

/** The instant at which the wall clock of `zone` shows the given fields (months 1-12). */
export function wallClockToInstant(
  zone: string,
  fields: { year: number; month: number; day: number; hour: number; minute: number },
): number {
  const asUtc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute);
  // Two passes settle the offset across a daylight-saving change.
  let instant = asUtc - zoneOffsetMinutes(zone, asUtc) * 60_000;
  instant = asUtc - zoneOffsetMinutes(zone, instant) * 60_000;
  return instant;
}

/** Whether `zone` is an IANA zone name this runtime knows. */
export function isKnownZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

const ABSOLUTE = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/;
const RELATIVE = /^([+-]?)(\d+)([wdhm]?)$/;
const UNIT_MS: Record<string, number> = {
  w: 604_800_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  '': 60_000,
};

/**
 * A JQL/CQL date literal as an instant: the four absolute formats read in `zone` (date only = midnight), or a
 * relative offset from `now` (`-15m`, `-1d`, `-2w`, `-4h`; minutes when no unit). Undefined when malformed.
 */
export function parseDateLiteral(text: string, zone: string, now: number): number | undefined {
  const absolute = ABSOLUTE.exec(text.trim());
  if (absolute) {
    const [, year, month, day, hour, minute] = absolute;
    const fields = {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hour ?? 0),
      minute: Number(minute ?? 0),
    };
    if (fields.month < 1 || fields.month > 12 || fields.day < 1 || fields.day > 31) return undefined;
    if (fields.hour > 23 || fields.minute > 59) return undefined;
    return wallClockToInstant(zone, fields);
  }
  const relative = RELATIVE.exec(text.trim());
  if (!relative) return undefined;
  const [, sign, amount, unit] = relative;
  const delta = Number(amount) * UNIT_MS[unit ?? '']!;
  return sign === '-' ? now - delta : now + delta;
}
