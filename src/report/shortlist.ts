// "Exclude these first": the contributed places holding open findings, by rank, each saying why it ranks there and
// what to do. The Jira site configuration cannot be excluded per space, so it gets its own advice instead.
import type { Plan } from '../store/contribution.ts';
import { CATEGORIES, type Category, type Product } from '../types.ts';
import type { Measure, PlaceRow, Shortlist } from './model.ts';

const NOUN: Record<Category, [one: string, many: string]> = {
  secret: ['secret', 'secrets'],
  pii: ['PII', 'PII'],
  phi: ['PHI', 'PHI'],
};

const plural = (n: number, [one, many]: readonly [string, string]) => `${n} ${n === 1 ? one : many}`;

function itemNoun(product: Product, siteWide: boolean): [string, string] {
  if (siteWide) return ['setting', 'settings'];
  return product === 'jira' ? ['issue', 'issues'] : ['page', 'pages'];
}

/** `33 PHI in 12 issues; 24 secrets in 20 issues, 9 critical`: the categories with most findings first. */
export function whyText(measure: Measure, product: Product, siteWide = false): string {
  const total = (c: Category) => Object.values(measure.counts[c]).reduce((a, b) => a + b, 0);
  return CATEGORIES.filter((c) => total(c) > 0)
    .sort((a, b) => total(b) - total(a))
    .map((c) => {
      const critical = measure.counts[c].critical;
      const items = plural(measure.itemsWithFindings[c], itemNoun(product, siteWide));
      return `${plural(total(c), NOUN[c])} in ${items}${critical > 0 ? `, ${critical} critical` : ''}`;
    })
    .join('; ');
}

export const EXCLUDE_ACTION =
  'exclude it in Atlassian Administration → Security → Data contribution → Spaces (Jira projects are listed ' +
  'there as spaces), or clean it';
export const SITE_CONFIGURATION_ACTION =
  'only excludable for the whole organisation: rename or clean the custom fields, workflows and statuses named ' +
  'in the findings';

const NO_DEFAULT_CONTRIBUTION: Partial<Record<Plan, string>> = {
  premium:
    'Premium sites are not contributed to AI training by default, so no place needs excluding; the table still ' +
    'shows what each place holds.',
  enterprise:
    'Enterprise sites are not contributed to AI training by default, so no place needs excluding; the table still ' +
    'shows what each place holds.',
};

/** The shortlist over rows already ranked (most exposed first). */
export function shortlist(plan: Plan, rows: readonly PlaceRow[]): Shortlist {
  const contributed = rows.filter((r) => r.contribution.contributed);
  const exposed = contributed.filter((r) => r.measure !== null && r.measure.open > 0 && r.rank !== null);
  const config = exposed.find((r) => r.siteWide);
  const firstReason = rows[0]?.contribution.reason;
  const note =
    NO_DEFAULT_CONTRIBUTION[plan] ??
    (contributed.length === 0 && firstReason ? `No place is contributed: ${firstReason}.` : null);
  return {
    plan,
    note,
    places: exposed
      .filter((r) => !r.siteWide)
      .map((r) => ({
        product: r.product,
        key: r.key,
        name: r.name,
        url: r.url,
        rank: r.rank!,
        score: r.measure!.score,
        stale: r.stale,
        why: whyText(r.measure!, r.product),
        action: EXCLUDE_ACTION,
      })),
    siteConfiguration: config
      ? { why: whyText(config.measure!, config.product, true), action: SITE_CONFIGURATION_ACTION }
      : null,
    unmeasured: contributed
      .filter((r) => r.measure === null)
      .map((r) => ({ product: r.product, key: r.key, name: r.name, reason: r.reason ?? 'not read' })),
  };
}
