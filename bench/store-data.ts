// The synthetic site the store benchmarks write: CONTAINERS spaces and projects, items with `perItem` findings
// each, about a third of the values repeated elsewhere (as pasted credentials and shared contacts are). Seeded:
// the same database every run. Shared by bench/store.ts and bench/export.ts.
import { createHash } from 'node:crypto';
import type { PlacedFinding, ScannedItem } from '../src/store/model.ts';
import { CATEGORIES, SEVERITIES, type Container } from '../src/types.ts';

export const SITE = 'https://bench.example.test';
const CONTAINERS = 50;

export type BenchItem = ScannedItem & { findings: PlacedFinding[] };

export const containers: Container[] = Array.from({ length: CONTAINERS }, (_, i) => ({
  product: i % 2 ? 'jira' : 'confluence',
  id: String(1000 + i),
  key: `K${i}`,
  name: `Container ${i}`,
  url: `${SITE}/c/${i}`,
}));

const fingerprint = (n: number) => createHash('sha256').update(`value-${n}`).digest('hex');

/**
 * Batches of synthetic items: `batch(first, count, version)` gives items first..first+count-1. Consecutive items
 * share a container in runs of `containerRun` (1: each item in the next container).
 */
export function benchSite(totalFindings: number, perItem: number, containerRun = 1) {
  const items = Math.ceil(totalFindings / perItem);
  const distinct = Math.floor(totalFindings * 0.7);
  // mulberry32
  let seed = 42;
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

  /** `version` > 1 is an edited item: its content hash changes and about half its findings are new values. */
  function batch(first: number, count: number, version = 1): BenchItem[] {
    const result: BenchItem[] = [];
    for (let i = first; i < first + count && i < items; i++) {
      const c = containers[Math.floor(i / containerRun) % CONTAINERS]!;
      const url = `${SITE}/item/${i}`;
      const findings: PlacedFinding[] = Array.from({ length: perItem }, (_, j) => ({
        ruleId: `rule-${Math.floor(random() * 120)}`,
        category: pick(CATEGORIES),
        severity: pick(SEVERITIES),
        confidence: 0.5 + random() / 2,
        start: j * 40,
        end: j * 40 + 24,
        preview: 'AKIA••••••••••••WXYZ',
        fingerprint: fingerprint(Math.floor(random() * distinct) + (version > 1 && j % 2 ? distinct : 0)),
        explanation: 'keyword akia, entropy 4.1',
        field: j % 3 ? 'body' : 'comment',
        fieldId: j % 3 ? undefined : String(j),
        url,
      }));
      result.push({
        item: {
          product: c.product,
          containerKey: c.key,
          kind: c.product === 'jira' ? 'issue' : 'page',
          id: String(i),
          title: `Item ${i}`,
          url,
          created: '2026-01-01T00:00:00Z',
          updated: `2026-${String(1 + (i % 12)).padStart(2, '0')}-15T00:00:00Z`,
          version,
        },
        contentHash: fingerprint(-i - version * items),
        findings,
      });
    }
    return result;
  }
  return { items, batch };
}
