// Projects and spaces the store holds live content of that the site's complete listing no longer shows: deleted,
// archived, or hidden from this token. Nothing of them can be read any more, so their items are retired (their
// findings resolved) and the run says so; a later listing that shows one again brings its content back.
import type { Container, Product } from '../types.ts';
import { inScope, type CrawlContext } from './context.ts';

export interface UnlistedContainer {
  product: Product;
  containerKey: string;
  /** Items retired with it. */
  items: number;
}

/**
 * Retires the stored containers in scope that `listed` (the product's complete listing) does not show. Not
 * retired: those the scope names (reported as forbidden instead), and archived ones when the run leaves archived
 * content out (out of scope, not gone: returned as `archivedKept`).
 */
export function retireUnlisted(
  context: CrawlContext,
  product: Product,
  listed: readonly Container[],
  named: readonly string[],
): { retired: UnlistedContainer[]; archivedKept: Container[] } {
  const { sink, scope, logger } = context;
  const shown = new Set(listed.map((c) => c.key));
  const retired: UnlistedContainer[] = [];
  const archivedKept: Container[] = [];
  for (const container of sink.storedContainers(product)) {
    const { key } = container;
    if (shown.has(key) || named.includes(key) || !inScope(container, scope)) continue;
    if (container.status === 'archived' && !scope.archived) {
      archivedKept.push(container);
      continue;
    }
    const items = sink.retire(product, key);
    logger.warn({ product, container: key, items }, 'no longer listed by the site: its items are retired');
    retired.push({ product, containerKey: key, items });
  }
  return { retired, archivedKept };
}
