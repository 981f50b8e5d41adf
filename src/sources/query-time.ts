// JQL and CQL read date literals in the API user's profile time zone at minute precision, with no offset
// syntax. An incremental crawler that writes UTC literals skips or repeats content, so watermarks are kept
// as UTC instants and rendered here, floored to the minute, minus an overlap that also covers index lag.

export const DEFAULT_OVERLAP_MINUTES = 5;

/** `yyyy/MM/dd HH:mm` of `instant` as a wall clock in `timeZone`, `overlapMinutes` earlier. */
export function queryDateLiteral(
  instant: Date | string,
  timeZone: string,
  overlapMinutes = DEFAULT_OVERLAP_MINUTES,
): string {
  const at = new Date(new Date(instant).getTime() - overlapMinutes * 60_000);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}/${get('month')}/${get('day')} ${get('hour')}:${get('minute')}`;
}

/** A time zone the runtime knows, or UTC when the API sent none or an unknown one. */
export function safeTimeZone(zone: string | null | undefined): string {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}
