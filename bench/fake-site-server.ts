// Fake-site server throughput: startup, the first date-filtered search (which builds a project's time index by
// generating each issue once), later searches, full-field search pages and Confluence listings over HTTP, each
// against its peer: generating and JSON-serialising the same records in process, without HTTP or rendering.
// Run: node bench/fake-site-server.ts [issues=10000] [pages=2000]
import { median, table } from './bench-format.ts';
import { createSiteContent, DEFAULT_SITE_SPEC } from '../src/fake-site/generator.ts';
import { startFakeSite } from '../src/fake-site/server.ts';

const issues = Number(process.argv[2] ?? 10_000);
const pages = Number(process.argv[3] ?? 2_000);
const spec = { ...DEFAULT_SITE_SPEC, issues, pages };
const REPEAT = 5;

/** Wall-clock seconds taken by `run` (the server and the client share this process). */
async function seconds(run: () => unknown): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Median seconds of REPEAT sequential runs (never concurrent: queueing would count as work). */
async function medianOf(run: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) times.push(await seconds(run));
  return median(times);
}

let site = undefined as Awaited<ReturnType<typeof startFakeSite>> | undefined;
const startup = await seconds(async () => (site = await startFakeSite({ spec })));
const running = site!;
const headers = { Authorization: `Bearer ${running.token}`, 'Content-Type': 'application/json' };
const content = createSiteContent(spec);
const project = content.projects.reduce((a, b) => (b.issueCount > a.issueCount && !b.forbidden ? b : a));
const space = content.spaces.reduce((a, b) => (b.pageCount > a.pageCount && !b.forbidden ? b : a));

async function post(body: unknown): Promise<{ issues: unknown[]; nextPageToken?: string }> {
  const response = await fetch(`${running.url}/rest/api/3/search/jql`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return (await response.json()) as { issues: unknown[]; nextPageToken?: string };
}

const dated = {
  jql: `project = ${project.key} AND updated >= "-90d" ORDER BY updated DESC`,
  maxResults: 100,
};
const firstSearch = await seconds(() => post(dated));
const laterSearch = await medianOf(() => post(dated));

let sweepRequests = 0;
const sweep = await seconds(async () => {
  let token: string | undefined;
  do {
    const page = await post({
      jql: `project = ${project.key} ORDER BY key`,
      maxResults: 5000,
      nextPageToken: token,
    });
    sweepRequests++;
    token = page.nextPageToken;
  } while (token);
});

const fieldsPage = await medianOf(() =>
  post({ jql: `project = ${project.key} ORDER BY key`, fields: ['*all'], maxResults: 100 }),
);
const fieldsPeer = median(
  Array.from({ length: REPEAT }, () => {
    const started = process.hrtime.bigint();
    for (let i = 0; i < 100; i++) JSON.stringify(content.issue(project.key, i));
    return Number(process.hrtime.bigint() - started) / 1e9;
  }),
);

const pagesUrl = `${running.url}/wiki/api/v2/spaces/${space.id}/pages?limit=250&body-format=storage`;
const pagesListing = await medianOf(async () => (await fetch(pagesUrl, { headers })).text());
const listed = Math.min(250, space.pageCount);
const pagesPeer = median(
  Array.from({ length: REPEAT }, () => {
    const started = process.hrtime.bigint();
    for (let i = 0; i < listed; i++) JSON.stringify(content.content(space.key, 'page', i));
    return Number(process.hrtime.bigint() - started) / 1e9;
  }),
);

const churnSeconds = await seconds(() => running.admin.churn(0.01, 1));
const rssMb = process.memoryUsage().rss / 1e6;
await running.stop();

const ms = (s: number) => (s * 1000).toFixed(0);
console.log(
  `fake site with ${issues} issues and ${pages} pages; largest project ${project.key} (${project.issueCount} issues), largest space ${space.key} (${space.pageCount} pages)\n`,
);
console.log(
  table(
    ['measure', 'ms', 'peer ms', 'ratio', 'note'],
    [
      ['startup (generate catalogues, listen)', ms(startup), '', '', ''],
      [
        'first dated search (builds time index)',
        ms(firstSearch),
        '',
        '',
        `${(project.issueCount / firstSearch).toFixed(0)} issues indexed/s`,
      ],
      [`later dated search (median of ${REPEAT})`, ms(laterSearch), '', '', ''],
      ['id sweep of the project (5000/page)', ms(sweep), '', '', `${sweepRequests} requests`],
      [
        'search page, 100 issues, *all',
        ms(fieldsPage),
        ms(fieldsPeer),
        (fieldsPage / fieldsPeer).toFixed(1),
        'peer: generate + stringify',
      ],
      [
        `pages listing, ${listed} with storage`,
        ms(pagesListing),
        ms(pagesPeer),
        (pagesListing / pagesPeer).toFixed(1),
        'peer: generate + stringify',
      ],
      ['churn 1% of issues and pages', ms(churnSeconds), '', '', ''],
    ],
  ),
);
console.log(`\nresident memory at the end: ${rssMb.toFixed(0)} MB`);
