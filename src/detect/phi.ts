import type { Hit } from './hit.ts';

/**
 * Health-context pass: given one field's text and the hits of the rule pass, returns extra PHI hits where
 * health information and a personal identifier occur in the same field. Stub until the PHI detector lands.
 */
export function derivePhiHits(_text: string, _hits: readonly Hit[]): Hit[] {
  return [];
}
