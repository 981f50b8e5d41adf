// Shared set-up for crawler tests: a fake site, an in-memory sink, and a scanner that records every document it
// is given and reports the planted values it contains, so coverage is measured independently of the detectors.
import { createHash } from 'node:crypto';
import { crawlSite, type CrawlOptions, type CrawlResult } from '../../src/crawl/crawl.ts';
import type { DocScanner } from '../../src/crawl/ports.ts';
import { silentLogger } from '../../src/log.ts';
import type { PlantedRecord } from '../../src/fake-site/model.ts';
import { CONFIG_KEY } from '../../src/sources/jira-config.ts';
import type { Doc, Finding, Item } from '../../src/types.ts';
import type { FakeSite } from '../../src/fake-site/server.ts';
import type { MemorySink } from './memory-sink.ts';

/**
 * The planted values a crawl reads without options: readable, in the current version, and not inside a file's
 * content (read with `--attachments content` only).
 */
export const readByDefault = (p: PlantedRecord): boolean =>
  p.readable && !p.field.startsWith('version:') && !/^attachment:[^:]+:content$/.test(p.field);

export class TruthScanner implements DocScanner {
  readonly seen = new Map<string, Doc[]>();
  private readonly values: readonly string[];
  constructor(values: readonly string[]) {
    this.values = values;
  }

  async scanDocs(docs: readonly Doc[]): Promise<Finding[][]> {
    return docs.map((doc) => {
      this.seen.set(doc.itemId, [...(this.seen.get(doc.itemId) ?? []), doc]);
      const findings: Finding[] = [];
      for (const value of this.values) {
        for (let at = doc.text.indexOf(value); at >= 0; at = doc.text.indexOf(value, at + 1)) {
          findings.push({
            ruleId: 'truth',
            category: 'secret',
            severity: 'high',
            confidence: 1,
            start: at,
            end: at + value.length,
            preview: '•••',
            fingerprint: createHash('sha256').update(value).digest('hex'),
            explanation: 'planted',
          });
        }
      }
      return findings;
    });
  }
}

/**
 * Ids of the crawler's items where a planted value belongs: the site configuration container for site-wide
 * texts (container ''), a container's metadata item for its own name and description (item = container key), the
 * issue by key or the page by id otherwise.
 */
export function itemIdsFor(sink: MemorySink, p: PlantedRecord): string[] {
  const items = [...sink.items.values()].map((i) => i.item);
  const matches =
    p.container === ''
      ? (i: Item) => i.containerKey === CONFIG_KEY
      : p.item === p.container
        ? (i: Item) => i.containerKey === p.container && (i.kind === 'project' || i.kind === 'space')
        : (i: Item) => (p.product === 'jira' ? i.key === p.item : i.id === p.item);
  return items.filter((i) => i.product === p.product && matches(i)).map((i) => i.id);
}

/** The planted values the scanner was never handed in their item. */
export function unseen(
  sink: MemorySink,
  scanner: TruthScanner,
  planted: readonly PlantedRecord[],
): PlantedRecord[] {
  return planted.filter(
    (p) =>
      !itemIdsFor(sink, p).some((id) => (scanner.seen.get(id) ?? []).some((d) => d.text.includes(p.value))),
  );
}

export function crawl(
  site: FakeSite,
  sink: MemorySink,
  scanner: DocScanner,
  options: {
    mode?: 'full' | 'incremental';
    signal?: AbortSignal;
    archived?: boolean;
    includeHistory?: boolean;
    excludeProjects?: string[];
    projects?: string[];
    /** Auto mode's --reconcile-days (see crawl/baselines.ts). */
    fullAfterDays?: number;
  } & Partial<Pick<CrawlOptions, 'gateway' | 'notice'>> = {},
): Promise<CrawlResult> {
  return crawlSite({
    site: site.url,
    email: site.email,
    apiToken: site.token,
    products: ['jira', 'confluence'],
    gateway: options.gateway,
    notice: options.notice,
    scope: {
      projects: options.projects ?? [],
      spaces: [],
      excludeProjects: options.excludeProjects ?? [],
      excludeSpaces: [],
      archived: options.archived ?? true,
      includeHistory: options.includeHistory ?? false,
    },
    concurrency: 8,
    timeoutMs: 10_000,
    maxBodyBytes: 20_000_000,
    scanner,
    sink,
    run: {
      runId: sink.runId,
      mode: options.mode ?? 'full',
      resumed: false,
      ...(options.fullAfterDays === undefined ? {} : { fullAfterDays: options.fullAfterDays }),
    },
    rulesetHash: 'test-rules',
    logger: silentLogger,
    signal: options.signal,
  });
}
