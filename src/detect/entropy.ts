// Shannon entropy of a candidate value, in bits per character: random tokens score high (base64 ~5.5-6,
// hex ~3.7-4), words, repeated characters and templated placeholders score low.

export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Letters of the alphabet a value appears to be drawn from: hex, or each character class it uses (digits, lower,
 * upper) plus the distinct other characters it holds (base64 adds + / =, a UUID adds -).
 */
export function alphabetSize(value: string): number {
  if (/^[0-9a-f-]+$/.test(value) || /^[0-9A-F-]+$/.test(value)) return 16;
  let size = 0;
  if (/[0-9]/.test(value)) size += 10;
  if (/[a-z]/.test(value)) size += 26;
  if (/[A-Z]/.test(value)) size += 26;
  return size + new Set(value.replace(/[0-9A-Za-z]/g, '')).size;
}

/**
 * The Shannon entropy a value of `length` characters drawn uniformly from `alphabet` letters has on average:
 * each letter's count is binomial(length, 1/alphabet), so E[H] = -alphabet * sum_j P(count = j) (j/n) log2(j/n).
 * Short values cannot show their whole alphabet, so this is well below log2(alphabet) for them.
 */
export function expectedRandomEntropy(length: number, alphabet: number): number {
  const key = length * 1024 + alphabet;
  const known = expected.get(key);
  if (known !== undefined) return known;
  const p = 1 / alphabet;
  let probability = Math.pow(1 - p, length); // P(count = 0)
  let sum = 0;
  for (let j = 1; j <= length; j++) {
    probability *= ((length - j + 1) / j) * (p / (1 - p));
    sum += probability * (j / length) * Math.log2(j / length);
  }
  const value = -alphabet * sum;
  expected.set(key, value);
  return value;
}
const expected = new Map<number, number>();

/**
 * Entropy as a share of what a random value of the same length and alphabet has on average
 * (expectedRandomEntropy), so one threshold fits hex, digits and base64 of any length: random values score
 * about 1 (95 % of them above 0.85 from 12 characters on), words, versions and names lower.
 */
export function entropyRatio(value: string): number {
  if (value.length < 2) return 0;
  return shannonEntropy(value) / expectedRandomEntropy(value.length, alphabetSize(value));
}
