// Container names are stored and shown: every value detected in one is replaced by its masked preview first.
import { describe, expect, it } from 'vitest';
import { maskNames } from '../../src/crawl/mask-names.ts';
import type { Container } from '../../src/types.ts';
import { TruthScanner } from './harness.ts';

const container = (name: string): Container => ({ product: 'jira', id: '1', key: 'ENG', name, url: 'u' });

describe('maskNames', () => {
  it.each([
    ['Engineering', ['AKIAX'], 'Engineering'],
    ['Eng AKIAX team', ['AKIAX'], 'Eng ••• team'],
    ['AKIAX and AKIAY', ['AKIAX', 'AKIAY'], '••• and •••'],
    ['key AKIAXYZ', ['AKIAX', 'XYZ'], 'key •••'],
    ['key AKIAXYZ', ['AKIAXYZ', 'IAX'], 'key •••'],
  ])('masks %j (values %j) as %j', async (name, values, expected) => {
    const [masked] = await maskNames(new TruthScanner(values), [container(name)]);
    expect(masked!.name).toBe(expected);
    expect({ ...masked, name: '' }).toEqual({ ...container(name), name: '' });
  });

  it('scans nothing for no containers', async () => {
    const scanner = new TruthScanner(['x']);
    expect(await maskNames(scanner, [])).toEqual([]);
    expect(scanner.seen.size).toBe(0);
  });
});
