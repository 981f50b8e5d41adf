// Registry of value validators referenced by name from rule files (`validator: luhn`).
// A validator sees the candidate value and, for context-aware checks, the surrounding text.

export interface ValidatorContext {
  /** The whole document text. */
  text: string;
  /** Offsets of the value in `text`. */
  start: number;
  end: number;
}

export type Validator = (value: string, context: ValidatorContext) => boolean;

export const VALIDATORS: Record<string, Validator> = {};
