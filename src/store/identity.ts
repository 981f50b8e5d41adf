// A finding's identity within its item (field, comment id, rule, value) as one 53-bit integer. The unique index
// on (item_id, identity) is a fraction of the size of one over the four text columns, which roughly halves the
// cost of each upsert (bench/store.ts). Two findings of the same item would have to collide in 53 bits to merge.

const LOW_PRIME = 0x01000193;
const HIGH_PRIME = 0x01000197;

/**
 * Two independent 32-bit FNV-1a passes over the UTF-16 code units of the parts joined by U+0000, combined into a
 * safe integer. The parts are hashed one after another rather than joined: a joined string costs an allocation
 * and a flattening per finding (about a third of this function's time).
 */
export function findingIdentity(field: string, fieldId: string, ruleId: string, fingerprint: string): number {
  let low = 0x811c9dc5;
  let high = 0x050c5d1f;
  const parts = [field, fieldId, ruleId, fingerprint];
  for (let p = 0; p < parts.length; p++) {
    if (p > 0) {
      low = Math.imul(low, LOW_PRIME); // the separator: low ^ 0 === low
      high = Math.imul(high, HIGH_PRIME);
    }
    const text = parts[p]!;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      low = Math.imul(low ^ code, LOW_PRIME);
      high = Math.imul(high ^ code, HIGH_PRIME);
    }
  }
  return (high >>> 11) * 0x100000000 + (low >>> 0);
}
