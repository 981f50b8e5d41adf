// Decides which items carry sensitive values, which values, and where. A plan is a pure function of the item's
// planting stream and its shape (comment ids, versions), so planted() can list the ground truth without
// generating any text, and the text generators can put each value exactly where the plan says.

import type { Category } from '../../types.ts';
import type { PlantProfile } from './containers.ts';
import type { Rng } from '../../synth/rng.ts';
import { SENSITIVE_KINDS, type SensitiveKind } from '../../synth/sensitive.ts';

/** Where inside a rich field the carrier goes. */
export type Placement = 'paragraph' | 'code' | 'table' | 'panel' | 'expand' | 'link' | 'task' | 'selection';

export interface Plant {
  /** PlantedRecord.field */
  field: string;
  kind: string;
  category: Category;
  value: string;
  /** The text placed in the field; always contains `value` verbatim. */
  carrier: string;
  placement: Placement;
}

/** A field that can hold a value, and how (single-line fields take a one-line carrier). */
export interface Slot {
  field: string;
  weight: number;
  placements: readonly Placement[];
  singleLine?: boolean;
  urlOnly?: boolean;
}

const CATEGORIES: readonly Category[] = ['secret', 'pii', 'phi'];
const KINDS_BY_CATEGORY: Record<Category, SensitiveKind[]> = {
  secret: SENSITIVE_KINDS.filter((k) => k.category === 'secret'),
  pii: SENSITIVE_KINDS.filter((k) => k.category === 'pii'),
  phi: SENSITIVE_KINDS.filter((k) => k.category === 'phi'),
};

export function weighted<T>(rng: Rng, items: readonly T[], weightOf: (item: T) => number): T | undefined {
  const total = items.reduce((sum, item) => sum + weightOf(item), 0);
  let roll = rng.next() * total;
  for (const item of items) {
    roll -= weightOf(item);
    if (roll < 0) return item;
  }
  return items[items.length - 1];
}

/** One-line fields (summary: 255 characters at most) take the bare value when the sentence is long. */
const MAX_ONE_LINE = 120;

const isUrl = (value: string): boolean => /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value);

/** The text a slot would carry for this value, or undefined when the slot cannot hold it. */
function carrierFor(slot: Slot, value: string, wrapped: string): string | undefined {
  if (slot.urlOnly) return isUrl(value) ? value : undefined;
  if (!slot.singleLine) return wrapped;
  if (value.includes('\n')) return undefined;
  return wrapped.includes('\n') || wrapped.length > MAX_ONE_LINE ? value : wrapped;
}

function fitting(slot: Slot, value: string, carrier: string): Placement[] {
  return slot.placements.filter((p) => {
    if (p === 'link') return isUrl(value);
    if (p === 'selection') return !value.includes('\n') && value.length <= 80;
    if (carrier.includes('\n')) return p === 'code' || p === 'expand';
    return true;
  });
}

/** A kind drawn by the container's category mix (attachments draw theirs this way too). */
export function pickKind(rng: Rng, mix: PlantProfile['mix']): SensitiveKind | undefined {
  const category = weighted(rng, CATEGORIES, (c) => (KINDS_BY_CATEGORY[c].length > 0 ? mix[c] : 0));
  return category && rng.pick(KINDS_BY_CATEGORY[category]);
}

function plantOne(rng: Rng, profile: PlantProfile, slots: readonly Slot[]): Plant | undefined {
  const kind = pickKind(rng, profile.mix);
  if (!kind) return undefined;
  const category = kind.category;
  const value = kind.generate(rng);
  const wrapped = kind.wrap(rng, value);
  const options = slots.flatMap((slot) => {
    const carrier = carrierFor(slot, value, wrapped);
    const placements = carrier === undefined ? [] : fitting(slot, value, carrier);
    return carrier === undefined || placements.length === 0 ? [] : [{ slot, carrier, placements }];
  });
  const chosen = weighted(rng, options, (o) => o.slot.weight);
  if (!chosen) return undefined;
  const placement = rng.pick(chosen.placements);
  // Links and selections carry the bare value; everything else the realistic sentence around it.
  const bare = placement === 'link' || placement === 'selection';
  return {
    field: chosen.slot.field,
    kind: kind.kind,
    category,
    value,
    carrier: bare ? value : chosen.carrier,
    placement,
  };
}

/** One value planted in this slot (a field that must carry one); undefined when no kind of the mix fits it. */
export function plantInto(rng: Rng, profile: PlantProfile, slot: Slot): Plant | undefined {
  return plantOne(rng, profile, [slot]);
}

/** Most items carry nothing; a planted item carries one value, sometimes two or three. */
export function planPlants(rng: Rng, profile: PlantProfile, slots: readonly Slot[]): Plant[] {
  if (!rng.chance(profile.rate)) return [];
  const count = rng.chance(0.8) ? 1 : rng.chance(0.75) ? 2 : 3;
  const plants: Plant[] = [];
  for (let i = 0; i < count; i++) {
    const plant = plantOne(rng, profile, stillOpen(slots, plants));
    if (plant) plants.push(plant);
  }
  return plants;
}

/** A URL field holds one value and an inline comment one selection: once planted, they take no other. */
function stillOpen(slots: readonly Slot[], plants: readonly Plant[]): Slot[] {
  return slots.flatMap((slot) => {
    const taken = plants.filter((p) => p.field === slot.field);
    if (taken.length === 0) return [slot];
    if (slot.urlOnly) return [];
    if (!taken.some((p) => p.placement === 'selection')) return [slot];
    return [{ ...slot, placements: slot.placements.filter((p) => p !== 'selection') }];
  });
}

export function plantsIn(plants: readonly Plant[], field: string): Plant[] {
  return plants.filter((p) => p.field === field);
}

/** Spread a total weight over many same-kind slots (one per comment, one per version...). */
export function shareWeight(
  fields: readonly string[],
  total: number,
  placements: readonly Placement[],
): Slot[] {
  return fields.map((field) => ({ field, weight: total / fields.length, placements }));
}
