// What the token could see, said once per scan. The APIs list only the spaces (and, to a non-administrator, the
// projects) the account may view, so coverage can only count what was listed: the number of projects and spaces
// listed, and whether the account administers each product, let the reader judge what a scan may have missed.
import type { Product } from '../types.ts';
import type { Settled } from './fetch-ahead.ts';

export interface ProductVisibility {
  /** Projects or spaces the site listed to the token (before --project/--space scoping). */
  containers: number;
  /** Administer Jira, or Confluence administrator; undefined when the site would not say. */
  admin: boolean | undefined;
}

export type Visibility = Partial<Record<Product, ProductVisibility>>;

/** `admin`: the administrator check, settled; its failure leaves the answer unknown, never fails the crawl. */
export async function productVisibility(
  containers: number,
  admin: Promise<Settled<boolean>>,
): Promise<ProductVisibility> {
  const answer = await admin;
  return { containers, admin: answer.ok ? answer.value : undefined };
}

const NOUN: Record<Product, [string, string]> = {
  jira: ['Jira project', 'Jira administrator'],
  confluence: ['Confluence space', 'Confluence administrator'],
};

function part(product: Product, { containers, admin }: ProductVisibility): string {
  const [noun, role] = NOUN[product];
  const rights = admin === undefined ? `${role}: unknown` : admin ? role : `not a ${role}`;
  return `${containers} ${noun}${containers === 1 ? '' : 's'} (${rights})`;
}

/** `visible to this token: 5 Jira projects (Jira administrator), 7 Confluence spaces (not a ...)`. */
export function visibilityLine(visibility: Visibility): string | undefined {
  const parts = (['jira', 'confluence'] as const).flatMap((product) => {
    const seen = visibility[product];
    return seen ? [part(product, seen)] : [];
  });
  return parts.length > 0 ? `visible to this token: ${parts.join(', ')}` : undefined;
}
