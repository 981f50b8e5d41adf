// The places a product's listing shows, sorted for one crawl: in scope (crawled), left out by the run's options,
// named by the scope but not listed (refused: a gap), and stored ones the listing no longer shows (retired).
import type { Container, Product } from '../types.ts';
import { inScope, type CrawlContext } from './context.ts';
import { maskNames } from './mask-names.ts';
import { retireUnlisted } from './unlisted.ts';

/** Containers named in the scope that the listing does not show: unreadable, and said so. */
function missingContainers(
  product: Product,
  named: readonly string[],
  listed: readonly Container[],
): Container[] {
  return named
    .filter((key) => !listed.some((c) => c.key === key))
    .map((key) => ({ product, id: key, key, name: key, url: '' }));
}

/**
 * Records the listed containers in scope, and those the scope names that the listing does not show (forbidden);
 * retires stored ones the listing no longer shows; returns the ones to crawl.
 */
export async function containersToCrawl(
  context: CrawlContext,
  product: Product,
  listed: readonly Container[],
): Promise<Container[]> {
  const { scope, sink, coverage } = context;
  const crawled = listed.filter((c) => inScope(c, scope));
  const excluded = listed.filter((c) => !inScope(c, scope));
  const named = product === 'jira' ? scope.projects : scope.spaces;
  const missing = missingContainers(product, named, listed);
  // Places left out are stored too: the reports show them as excluded (or never scanned), never as clean.
  sink.upsertContainers(await maskNames(context.scanner, [...crawled, ...missing, ...excluded]));
  for (const m of missing) {
    coverage(product, m.key).skip('forbidden');
    coverage(product, m.key).finish();
  }
  // Every place in scope has a counter from now on: one the run does not reach is reported as such.
  for (const c of crawled) coverage(product, c.key);
  const { retired, archivedKept } = retireUnlisted(context, product, listed, named);
  context.unlisted.push(...retired);
  context.leftOut.push(...[...excluded, ...archivedKept].map((c) => ({ product, key: c.key })));
  return crawled;
}
