// UK National Insurance number (HMRC NIM39110): two prefix letters, six digits, suffix A-D. No checksum, so the
// prefix rules carry the weight: D, F, I, Q, U, V never appear; O never second; some pairs are not allocated.
const NINO = /^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/;
const UNALLOCATED_PREFIXES = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

export function isUkNino(value: string): boolean {
  const v = value.replace(/\s/g, '').toUpperCase();
  return NINO.test(v) && !UNALLOCATED_PREFIXES.has(v.slice(0, 2));
}
