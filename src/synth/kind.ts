// The shape shared by every sensitive-value generator, and the helper that wraps a value in prose.

import type { Category } from '../types.ts';
import type { Rng } from './rng.ts';

export interface SensitiveKind {
  /** Stable name, e.g. aws-access-key-id, card-visa, us-ssn, mrn. */
  kind: string;
  category: Category;
  /** Grouping for reports: cloud, code-host, card, national-id, clinical... */
  family: string;
  /** Rule ids expected to detect it (any one of them counts). */
  ruleIds: string[];
  /** A fresh value in the documented format (checksums valid). Never contains `&` or `<`. */
  generate(rng: Rng): string;
  /** A realistic snippet (config line, log line, sentence) that contains `value` exactly once. */
  wrap(rng: Rng, value: string): string;
}

/** A wrap function choosing one of `templates`; `{v}` marks the value, other `{slot}`s come from `slots`. */
export function wrapWith(
  templates: readonly string[],
  slots: Record<string, (rng: Rng) => string> = {},
): (rng: Rng, value: string) => string {
  return (rng, value) =>
    rng.pick(templates).replace(/\{(\w+)\}/g, (whole, name: string) => {
      if (name === 'v') return value;
      const fill = slots[name];
      return fill ? fill(rng) : whole;
    });
}

/**
 * A factory of kinds of one category and family whose snippets are templates with a `{name}` slot (a person's
 * full name), as national ids and clinical identifiers are written.
 */
export function templatedKinds(category: Category, family: string, name: (rng: Rng) => string) {
  return (
    kind: string,
    ruleIds: string[],
    generate: (rng: Rng) => string,
    templates: string[],
  ): SensitiveKind => ({
    kind,
    category,
    family,
    ruleIds,
    generate,
    wrap: wrapWith(templates, { name }),
  });
}
