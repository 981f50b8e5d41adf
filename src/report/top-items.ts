// The items to clean first, each with its open findings (masked), so the report explains an item without
// following its link (the demo's links lead to a fake site that stops with the demo).
import type { Store } from '../store/store.ts';
import type { TopItem } from './model.ts';

const TOP_ITEMS = 25;

export function topItems(store: Store, siteId: number, since: string | undefined): TopItem[] {
  const items = store.findings.topItems({ siteId, since }, TOP_ITEMS);
  const details = new Map<string, TopItem['details']>();
  for (const f of store.findings.openInItems(siteId, items)) {
    const id = `${f.product}:${f.itemId}`;
    if (!details.has(id)) details.set(id, []);
    const { field, ruleId, severity, preview, visibility, url } = f;
    details.get(id)!.push({ field, ruleId, severity, preview, visibility, url });
  }
  return items.map((item) => ({
    product: item.product,
    containerKey: item.containerKey,
    title: item.itemKey ? `${item.itemKey} ${item.itemTitle}` : item.itemTitle,
    url: item.itemUrl,
    findings: item.findings,
    worst: item.worst,
    categories: item.categories,
    details: details.get(`${item.product}:${item.itemId}`) ?? [],
  }));
}
