// JQL and CQL date literals are read in the USER zone while Jira renders timestamps in the SITE zone: a crawler
// that formats its cursor in UTC repeats issues (zone ahead of UTC) or misses them (zone behind UTC).
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { formatJiraTime, parseDateLiteral, wallClockToInstant } from '../../src/fake-site/time-zone.ts';
import { createFixtureContent } from './fixture-content.ts';

let site: FakeSite | undefined;
afterEach(async () => {
  await site?.stop();
  site = undefined;
});

function literal(ms: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}/${get('month')}/${get('day')} ${get('hour')}:${get('minute')}`;
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${site!.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${site!.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

const ENG5 = createFixtureContent().issue('ENG', 4);
const ENG5_UPDATED = Date.parse(ENG5.updated);
const MINUTE = 60_000;

describe('JQL dates in the user zone', () => {
  it.each([
    // Berlin is ahead of UTC: a UTC-formatted bound reads an hour early and repeats ENG-5.
    ['Europe/Berlin', ENG5_UPDATED + 30 * MINUTE, 7, 8],
    // New York is behind UTC: a UTC-formatted bound reads five hours late and misses ENG-5.
    ['America/New_York', ENG5_UPDATED - 30 * MINUTE, 8, 7],
  ])(
    'user zone %s: the user-zone literal gets the right set, the UTC literal does not',
    async (userTimeZone, bound, rightCount, utcCount) => {
      site = await startFakeSite({ content: createFixtureContent(), userTimeZone });
      const count = async (text: string) =>
        (
          await post<{ issues: unknown[] }>('/rest/api/3/search/jql', {
            jql: `project = ENG AND updated >= "${text}"`,
            maxResults: 100,
          })
        ).issues.length;
      expect(await count(literal(bound, userTimeZone))).toBe(rightCount);
      expect(await count(literal(bound, 'UTC'))).toBe(utcCount);
    },
  );

  it('reads CQL lastmodified in the user zone too', async () => {
    site = await startFakeSite({ content: createFixtureContent() });
    const page = createFixtureContent().content('ENG', 'page', 5);
    const modified = Date.parse(page.version.createdAt);
    const search = async (text: string) => {
      const cql = encodeURIComponent(`type = page and space = ENG and lastmodified >= "${text}"`);
      const response = await fetch(`${site!.url}/wiki/rest/api/search?cql=${cql}&limit=100`, {
        headers: { Authorization: `Bearer ${site!.token}` },
      });
      return ((await response.json()) as { results: Array<{ content: { id: string } }> }).results.map(
        (r) => r.content.id,
      );
    };
    expect(await search(literal(modified + 30 * MINUTE, 'Europe/Berlin'))).not.toContain(page.id);
    expect(await search(literal(modified + 30 * MINUTE, 'UTC'))).toContain(page.id);
  });

  it('renders Jira timestamps in the site zone with a colon-less offset', async () => {
    site = await startFakeSite({ content: createFixtureContent(), siteTimeZone: 'Asia/Kolkata' });
    const response = await fetch(`${site.url}/rest/api/3/issue/ENG-5?fields=updated`, {
      headers: { Authorization: `Bearer ${site.token}` },
    });
    const updated = ((await response.json()) as { fields: { updated: string } }).fields.updated;
    expect(updated).toMatch(/\+0530$/);
    expect(Date.parse(updated)).toBe(ENG5_UPDATED);
  });
});

describe('time-zone helpers', () => {
  it.each([
    ['2024/01/15 10:30', 'Europe/Berlin', '2024-01-15T09:30:00.000Z'],
    ['2024-07-15 10:30', 'Europe/Berlin', '2024-07-15T08:30:00.000Z'],
    ['2024/01/15', 'America/Los_Angeles', '2024-01-15T08:00:00.000Z'],
    ['2024-03-10 03:30', 'America/Los_Angeles', '2024-03-10T10:30:00.000Z'],
  ])('reads %s in %s as %s', (text, zone, expected) => {
    expect(new Date(parseDateLiteral(text, zone, 0)!).toISOString()).toBe(expected);
  });

  it.each([
    ['-15m', -15 * MINUTE],
    ['-2h', -2 * 3_600_000],
    ['-1d', -86_400_000],
    ['-2w', -14 * 86_400_000],
    ['-5', -5 * MINUTE],
  ])('reads the relative literal %s from now', (text, delta) => {
    expect(parseDateLiteral(text, 'UTC', 1_000_000_000_000)).toBe(1_000_000_000_000 + delta);
  });

  it.each(['2024/13/01', '15/01/2024', 'yesterday', '2024/01/15 25:00'])('rejects %s', (text) => {
    expect(parseDateLiteral(text, 'UTC', 0)).toBeUndefined();
  });

  it.each([
    [Date.parse('2024-01-15T18:30:00Z'), 'America/Los_Angeles', '2024-01-15T10:30:00.000-0800'],
    [Date.parse('2024-07-15T18:30:00Z'), 'America/Los_Angeles', '2024-07-15T11:30:00.000-0700'],
    [Date.parse('2024-01-15T18:30:00Z'), 'UTC', '2024-01-15T18:30:00.000+0000'],
  ])('formats %i in %s as %s', (ms, zone, expected) => {
    expect(formatJiraTime(ms, zone)).toBe(expected);
    expect(Date.parse(expected)).toBe(ms);
  });

  it('round-trips wall clocks across a year of hours in a zone with daylight saving', () => {
    for (
      let ms = Date.parse('2024-01-01T00:00:00Z');
      ms < Date.parse('2025-01-01T00:00:00Z');
      ms += 3_600_000 * 7
    ) {
      const [date, time] = literal(ms, 'Europe/Berlin').split(' ');
      const [year, month, day] = date!.split('/').map(Number);
      const [hour, minute] = time!.split(':').map(Number);
      const back = wallClockToInstant('Europe/Berlin', {
        year: year!,
        month: month!,
        day: day!,
        hour: hour!,
        minute: minute!,
      });
      expect(literal(back, 'Europe/Berlin')).toBe(literal(ms, 'Europe/Berlin'));
    }
  });
});
