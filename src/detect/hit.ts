import type { Finding } from '../types.ts';

/**
 * A detection before redaction: offsets into the scanned text, never the value itself.
 * The engine turns hits into Findings (masked preview, keyed fingerprint) in one place.
 */
export interface Hit extends Omit<Finding, 'preview' | 'fingerprint' | 'explanation'> {
  /** Reasons in order, e.g. ["keyword ghp_", "entropy 4.9", "validator luhn", "context: github"]. */
  reasons: string[];
  /** The value, when it is not the text at [start, end): a secret decoded from the base64 run it spans. */
  decodedValue?: string;
}
