// Shared fixtures for the store tests: temp databases, synthetic items and a tiny local finder that turns texts
// holding raw values into findings the way the detector does (masked preview, keyed fingerprint, no raw value).
import { onTestFinished } from 'vitest';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store, type StoreOptions } from '../../src/store/store.ts';
import type { PlacedFinding, ScannedItem } from '../../src/store/model.ts';
import type { Category, Container, Item, Product, Severity } from '../../src/types.ts';

export const SITE = 'https://synthetic-test.atlassian.net';
const FINGERPRINT_KEY = randomBytes(32);

export interface TempDir {
  dir: string;
  path: string;
  cleanup(): void;
}

export function tempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'exposure-store-'));
  return {
    dir,
    path: join(dir, 'exposure.db'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A store on a fresh temp database, for the current test: closed and deleted when the test finishes (`done()` does
 * it sooner; it may run twice).
 */
export function tempStore(options: StoreOptions = {}): { store: Store; path: string; done(): void } {
  const temp = tempDir();
  const store = openStore(temp.path, options);
  const done = () => {
    if (store.db.open) store.close();
    temp.cleanup();
  };
  onTestFinished(done);
  return { store, path: temp.path, done };
}

/** A random value of the given shape: `A` upper-case letter, `9` digit, anything else kept. */
export function randomValue(shape: string): string {
  const bytes = randomBytes(shape.length);
  return [...shape]
    .map((ch, i) => {
      const b = bytes[i] ?? 0;
      if (ch === 'A') return String.fromCharCode(65 + (b % 26));
      if (ch === '9') return String(b % 10);
      return ch;
    })
    .join('');
}

/** Fresh synthetic values the test rules find: a key (critical), an e-mail address (medium), an MRN (high). */
export const sampleKey = (): string => randomValue('FKEYAAAA9999AAAA9999');
export const sampleMail = (): string => `${randomValue('AAAAAA').toLowerCase()}@example.test`;
export const sampleMrn = (): string => randomValue('MRN-99999999');

export interface FakeRule {
  id: string;
  category: Category;
  severity: Severity;
  confidence: number;
  pattern: RegExp;
}

export const FAKE_RULES: readonly FakeRule[] = [
  {
    id: 'fake-cloud-key',
    category: 'secret',
    severity: 'critical',
    confidence: 0.9,
    pattern: /\bFKEY[A-Z0-9]{16}\b/g,
  },
  {
    id: 'fake-email',
    category: 'pii',
    severity: 'medium',
    confidence: 0.8,
    pattern: /\b[a-z]{6}@example\.test\b/g,
  },
  { id: 'fake-mrn', category: 'phi', severity: 'high', confidence: 0.7, pattern: /\bMRN-\d{8}\b/g },
];

function mask(value: string): string {
  return value.length <= 8
    ? '•'.repeat(value.length)
    : value.slice(0, 4) + '•'.repeat(value.length - 8) + value.slice(-4);
}

export function fingerprintOf(value: string): string {
  return createHmac('sha256', FINGERPRINT_KEY).update(value).digest('hex');
}

/** What the detector would report for `text`, placed in `field`. */
export function findIn(text: string, field: string, url: string, fieldId?: string): PlacedFinding[] {
  const findings: PlacedFinding[] = [];
  for (const rule of FAKE_RULES) {
    for (const match of text.matchAll(rule.pattern)) {
      const value = match[0];
      findings.push({
        ruleId: rule.id,
        category: rule.category,
        severity: rule.severity,
        confidence: rule.confidence,
        start: match.index,
        end: match.index + value.length,
        preview: mask(value),
        fingerprint: fingerprintOf(value),
        explanation: `matched ${rule.id}`,
        field,
        fieldId,
        url,
      });
    }
  }
  return findings;
}

export function container(key: string, product: Product = 'confluence'): Container {
  return {
    product,
    id: String(key.length * 1000 + key.charCodeAt(0)),
    key,
    name: `${key} space`,
    url: `${SITE}/${key}`,
  };
}

export function item(
  containerKey: string,
  id: string,
  fields: { title?: string; body?: string } = {},
  product: Product = 'confluence',
): Item {
  return {
    product,
    containerKey,
    kind: product === 'jira' ? 'issue' : 'page',
    id,
    key: product === 'jira' ? `${containerKey}-${id}` : undefined,
    title: fields.title ?? `Page ${id}`,
    url: `${SITE}/${containerKey}/${id}`,
    created: '2026-09-01T00:00:00.000Z',
    updated: '2026-10-01T00:00:00.000Z',
    version: 1,
  };
}

/** A scanned item whose findings come from running the fake finder on its title and body. */
export function scanned(it: Item, body: string): ScannedItem {
  return {
    item: it,
    contentHash: fingerprintOf(`${it.title}\n${body}`),
    findings: [...findIn(it.title, 'title', it.url), ...findIn(body, 'body', it.url)],
  };
}

/** Opens a run on the test site with the given containers. */
export function beginRun(store: Store, containers: Container[], mode: 'full' | 'incremental' = 'full') {
  const run = store.runs.begin({ site: SITE, mode, options: { test: true }, rulesetHash: 'test-rules' });
  store.containers.upsert(run.siteId, containers);
  return run;
}
