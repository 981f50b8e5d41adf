// A finding's identity within its item (field, comment id, rule, value) as one 53-bit integer. The unique index
// on (item_id, identity) is a fraction of the size of one over the four text columns, which roughly halves the
// cost of each upsert (bench/store.ts). Two findings of the same item would have to collide in 53 bits to merge.

const FNV_PRIME = 0x01000193;

/** Two independent 32-bit FNV-1a passes over the UTF-16 code units, combined into a safe integer. */
export function findingIdentity(field: string, fieldId: string, ruleId: string, fingerprint: string): number {
  const text = `${field}\u0000${fieldId}\u0000${ruleId}\u0000${fingerprint}`;
  let low = 0x811c9dc5;
  let high = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    low = Math.imul(low ^ code, FNV_PRIME);
    high = Math.imul(high ^ code, 0x01000197);
  }
  return (high >>> 11) * 0x100000000 + (low >>> 0);
}
