// Fake-site content generator throughput and memory: how long a 10,000-issue site takes to generate, what one
// issue or page costs (against JSON-serialising the same record, the peer the server always pays), how long
// the full planted() listing of a 100,000-issue / 20,000-page site takes, and that heap does not grow with
// the spec. Times are CPU milliseconds of this (single-threaded) process, so a loaded machine slows them less than
// wall time; median (range) of 3 runs. Run: node --expose-gc bench/fake-site.ts

import { createSiteContent, DEFAULT_SITE_SPEC } from '../src/fake-site/generator.ts';
import type { SiteContent } from '../src/fake-site/model.ts';
import { median, showSpread } from './bench-format.ts';

const RUNS = 3;

/** CPU milliseconds used by this process so far. */
function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

const gc = (globalThis as { gc?: () => void }).gc;

function heapMb(): number {
  gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

interface GenerationTiming {
  generateMs: number;
  serialiseMs: number;
  bytes: number;
  count: number;
}

/** Times `generate(container, index)` over up to `limit` records, against JSON-serialising each record. */
function timeGeneration<C>(
  containers: readonly C[],
  countOf: (container: C) => number,
  generate: (container: C, index: number) => unknown,
  limit: number,
): GenerationTiming {
  const timing: GenerationTiming = { generateMs: 0, serialiseMs: 0, bytes: 0, count: 0 };
  for (const container of containers) {
    for (let i = 0; i < countOf(container) && timing.count < limit; i++, timing.count++) {
      const t0 = cpuMs();
      const record = generate(container, i);
      const t1 = cpuMs();
      timing.bytes += JSON.stringify(record).length;
      timing.serialiseMs += cpuMs() - t1;
      timing.generateMs += t1 - t0;
    }
  }
  return timing;
}

const timeIssues = (site: SiteContent, limit: number): GenerationTiming =>
  timeGeneration(
    site.projects,
    (p) => p.issueCount,
    (p, i) => site.issue(p.key, i),
    limit,
  );
const timeContent = (site: SiteContent, limit: number): GenerationTiming =>
  timeGeneration(
    site.spaces,
    (s) => s.pageCount,
    (s, i) => site.content(s.key, 'page', i),
    limit,
  );

const baseHeap = heapMb();
const small = createSiteContent({ ...DEFAULT_SITE_SPEC, issues: 2000, pages: 400 });
const smallHeap = heapMb() - baseHeap;
const LARGE = { ...DEFAULT_SITE_SPEC, issues: 100_000, pages: 20_000 };
const createMs = Array.from({ length: RUNS }, () => {
  const t0 = cpuMs();
  createSiteContent(LARGE);
  return cpuMs() - t0;
});
const large = createSiteContent(LARGE);
const largeHeap = heapMb() - baseHeap - smallHeap;
console.log(`createSiteContent(100,000 issues, 20,000 pages): ${showSpread(createMs, 1, ' ms')}`);
console.log(
  `heap held by a site: 2,000 issues ${smallHeap.toFixed(2)} MB, 100,000 issues ${largeHeap.toFixed(2)} MB${gc ? '' : ' (run with --expose-gc for exact figures)'}`,
);

const heapBeforeIssues = heapMb();
const issueRuns = Array.from({ length: RUNS }, () => timeIssues(large, 10_000));
const retainedMb = heapMb() - heapBeforeIssues;
const issues = issueRuns[0] as GenerationTiming;
const issueMs = median(issueRuns.map((r) => r.generateMs));
const issueSer = median(issueRuns.map((r) => r.serialiseMs));
console.log(
  `10,000 issues: ${showSpread(
    issueRuns.map((r) => r.generateMs),
    0,
    ' ms',
  )} (${((issueMs * 1000) / issues.count).toFixed(1)} us/issue, ${(issues.bytes / issues.count / 1024).toFixed(1)} KB JSON each); JSON.stringify of the same: ${issueSer.toFixed(0)} ms; ratio generate/serialise ${(issueMs / issueSer).toFixed(2)}`,
);

console.log(
  `heap retained after generating ${RUNS} x 10,000 issues: ${retainedMb.toFixed(2)} MB (records are not cached)`,
);

const pageRuns = Array.from({ length: RUNS }, () => timeContent(large, 2000));
const pages = pageRuns[0] as GenerationTiming;
const pageMs = median(pageRuns.map((r) => r.generateMs));
const pageSer = median(pageRuns.map((r) => r.serialiseMs));
console.log(
  `2,000 pages: ${showSpread(
    pageRuns.map((r) => r.generateMs),
    0,
    ' ms',
  )} (${((pageMs * 1000) / pages.count).toFixed(1)} us/page, ${(pages.bytes / pages.count / 1024).toFixed(1)} KB JSON each); JSON.stringify of the same: ${pageSer.toFixed(0)} ms; ratio ${(pageMs / pageSer).toFixed(2)}`,
);

const heapBefore = heapMb();
const t1 = cpuMs();
let planted = 0;
let peak = 0;
for (const _record of large.planted()) {
  planted++;
  if (planted % 1000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed / 1e6);
}
const plantedMs = cpuMs() - t1;
console.log(
  `planted() over 100,000 issues and 24,000 pages/blog posts: ${planted} records in ${plantedMs.toFixed(0)} ms; heap ${heapBefore.toFixed(1)} MB before, peak ${Math.max(peak, heapBefore).toFixed(1)} MB while listing`,
);
void small;
