// Declared gaps (--expect-forbidden): a declared place refused to the token is reported as expected and does not
// make the scan incomplete; any other gap does; declarations that match no gap get a one-line note or warning.
// And the line saying which places a run read in full, and why.
import { describe, expect, it } from 'vitest';
import type { PlaceRead } from '../../src/crawl/baselines.ts';
import type { CrawlResult, PlaceCoverage } from '../../src/crawl/crawl.ts';
import { fullReadsLine } from '../../src/commands/full-reads.ts';
import {
  coverageLines,
  declaredGapNotes,
  hasUnexpectedGap,
  isExpectedGap,
} from '../../src/commands/scan-gaps.ts';

function place(spec: string, skipped: Record<string, number> = {}, read?: PlaceRead): PlaceCoverage {
  const [product, containerKey] = spec.split(':') as ['jira' | 'confluence', string];
  const complete = Object.entries(skipped).every(([reason, n]) => reason === 'truncated' || n === 0);
  const listed = skipped.forbidden ? 0 : 10;
  return {
    product,
    containerKey,
    coverage: { listed, scanned: listed, bytes: 0, skipped },
    complete,
    ...(read ? { read } : {}),
  };
}

const result = (coverage: PlaceCoverage[]) => ({ coverage, unlisted: [] }) as unknown as CrawlResult;

const FIN = place('jira:FIN', { forbidden: 1 });
const ENG = place('jira:ENG');
const TIMEOUT = place('jira:OPS', { forbidden: 1, timeout: 1 });
const SITE_GAP = place('jira:', { error: 1 });

describe('expected gaps', () => {
  it.each<[string, PlaceCoverage, string[], boolean]>([
    ['declared by key', FIN, ['FIN'], true],
    ['declared with its product', FIN, ['jira:FIN'], true],
    ['declared for the other product', FIN, ['confluence:FIN'], false],
    ['not declared', FIN, ['LEGAL'], false],
    ['refused and timed out', TIMEOUT, ['OPS'], false],
    ['read whole', ENG, ['ENG'], false],
    ['a site-wide listing', SITE_GAP, [''], false],
  ])('a place %s: expected %s', (_, p, declared, expected) => {
    expect(isExpectedGap(p, declared)).toBe(expected);
  });

  it.each<[string, PlaceCoverage[], string[], boolean]>([
    ['only declared refusals', [FIN, ENG], ['FIN'], false],
    ['a refusal not declared', [FIN, ENG], [], true],
    ['a new refusal beside a declared one', [FIN, place('jira:HR', { forbidden: 1 })], ['FIN'], true],
    ['a site-wide gap', [FIN, SITE_GAP], ['FIN'], true],
  ])('%s: incomplete %s', (_, coverage, declared, incomplete) => {
    expect(hasUnexpectedGap(result(coverage), declared)).toBe(incomplete);
  });

  it('says "expected" on the coverage line of a declared gap only', () => {
    expect(coverageLines(result([FIN, place('jira:HR', { forbidden: 1 })]), ['FIN'])).toEqual([
      '  jira FIN: 0/0 items scanned; not read: 1 forbidden (expected)',
      '  jira HR: 0/0 items scanned; not read: 1 forbidden',
    ]);
  });

  it.each<[string, string, RegExp | undefined]>([
    ['refused as declared', 'FIN', undefined],
    ['read this run', 'ENG', /^note: expected gap ENG was read by this scan: it may have become readable$/],
    ['not listed', 'LEGAL', /^warning: expected gap LEGAL is no project or space this scan listed/],
    ['listed in the other product only', 'confluence:FIN', /^warning: expected gap confluence:FIN/],
  ])('a declared key %s', (_, spec, note) => {
    const notes = declaredGapNotes(result([FIN, ENG]), [spec]);
    expect(notes).toHaveLength(note ? 1 : 0);
    if (note) expect(notes[0]).toMatch(note);
  });
});

describe('places read in full', () => {
  const full = (reason: PlaceRead['reason']): PlaceRead => ({ mode: 'full', reason });
  const inc: PlaceRead = { mode: 'incremental' };
  it.each<[string, PlaceCoverage[], string | undefined]>([
    ['no planned place', [SITE_GAP], undefined],
    ['all incremental', [place('jira:ENG', {}, inc)], 'read in full: 0 of 1 places'],
    [
      'one that became readable',
      [place('jira:FIN', {}, full('was-forbidden')), place('jira:ENG', {}, inc)],
      'read in full: 1 of 2 places (became readable: jira FIN)',
    ],
    [
      'one still refused and one due',
      [place('jira:FIN', { forbidden: 1 }, full('was-forbidden')), place('confluence:OPS', {}, full('due'))],
      'read in full: 1 of 2 places (due for reconciliation: confluence OPS); probed, still refused: jira FIN',
    ],
    [
      'a first run',
      Array.from({ length: 10 }, (_, i) => place(`jira:P${i}`, {}, full('new'))),
      'read in full: 10 of 10 places (new: jira P0, jira P1, jira P2, jira P3, jira P4, jira P5, jira P6, jira P7, +2 more)',
    ],
  ])('%s', (_, coverage, line) => {
    expect(fullReadsLine(coverage)).toBe(line);
  });
});
