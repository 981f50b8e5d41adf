import { describe, expect, it } from 'vitest';
import { planPlants, type Plant, type Slot } from '../../src/fake-site/content/planting.ts';
import { createRng } from '../../src/synth/rng.ts';

const SLOTS: Slot[] = [
  { field: 'customfield_10032', weight: 4, placements: ['paragraph'], urlOnly: true },
  { field: 'inline-comment:1', weight: 4, placements: ['paragraph', 'selection'] },
  { field: 'summary', weight: 1, placements: ['paragraph'], singleLine: true },
  { field: 'body', weight: 1, placements: ['paragraph', 'code', 'table', 'expand', 'link'] },
];
const PROFILE = { rate: 1, mix: { secret: 4, pii: 1, phi: 1 } };
const plans: Plant[][] = Array.from({ length: 3000 }, (_, seed) =>
  planPlants(createRng(seed), PROFILE, SLOTS),
);
const all = plans.flat();
const isUrl = (v: string): boolean => /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(v);

describe('planPlants', () => {
  it.each<[string, (plan: Plant[]) => boolean]>([
    ['each carrier contains its value', (plan) => plan.every((p) => p.carrier.includes(p.value))],
    [
      'a URL field takes one bare URL',
      (plan) =>
        plan
          .filter((p) => p.field === 'customfield_10032')
          .every((p, i) => i === 0 && p.carrier === p.value && isUrl(p.value)),
    ],
    [
      'an inline comment takes one selection, bare and one-line',
      (plan) =>
        plan
          .filter((p) => p.placement === 'selection')
          .every((p, i) => i === 0 && p.carrier === p.value && !p.value.includes('\n')),
    ],
    [
      'one-line fields get short one-line carriers',
      (plan) =>
        plan
          .filter((p) => p.field === 'summary')
          .every((p) => !p.carrier.includes('\n') && (p.carrier.length <= 120 || p.carrier === p.value)),
    ],
    [
      'multi-line carriers go into code or expand blocks',
      (plan) =>
        plan
          .filter((p) => p.carrier.includes('\n'))
          .every((p) => p.placement === 'code' || p.placement === 'expand'),
    ],
    [
      'links carry a bare URL',
      (plan) =>
        plan.filter((p) => p.placement === 'link').every((p) => p.carrier === p.value && isUrl(p.value)),
    ],
  ])('%s', (_rule, holds) => {
    expect(plans.filter((plan) => !holds(plan))).toEqual([]);
  });

  it.each(['customfield_10032', 'inline-comment:1', 'summary', 'body'])('uses slot %s', (field) => {
    expect(all.some((p) => p.field === field)).toBe(true);
  });

  it.each(['selection', 'link', 'code', 'table', 'expand', 'paragraph'])('uses placement %s', (placement) => {
    expect(all.some((p) => p.placement === placement)).toBe(true);
  });

  it('plants nothing at rate 0 and one to three values at rate 1', () => {
    expect(planPlants(createRng(1), { ...PROFILE, rate: 0 }, SLOTS)).toEqual([]);
    expect(new Set(plans.map((plan) => plan.length))).toEqual(new Set([1, 2, 3]));
  });
});
