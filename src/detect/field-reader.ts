// Typed reads from parsed YAML that record every problem as `field: problem` instead of stopping at the first,
// so a rule author sees all of them at once.

export type Plain = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class FieldReader {
  readonly problems: string[];
  private readonly object: Plain;
  private readonly prefix: string;

  constructor(object: Plain, problems: string[], prefix = '') {
    this.object = object;
    this.problems = problems;
    this.prefix = prefix;
  }

  problem(field: string, message: string): void {
    this.problems.push(`${this.prefix}${field}: ${message}`);
  }

  rejectUnknownKeys(known: readonly string[]): void {
    for (const key of Object.keys(this.object)) {
      if (!known.includes(key)) this.problem(key, `unknown key (expected one of ${known.join(', ')})`);
    }
  }

  has(field: string): boolean {
    return this.object[field] !== undefined && this.object[field] !== null;
  }

  string(field: string, fallback?: string): string {
    const value = this.object[field];
    if (value === undefined || value === null) {
      if (fallback === undefined) this.problem(field, 'is required');
      return fallback ?? '';
    }
    if (typeof value !== 'string') {
      this.problem(field, `must be a string, got ${describe(value)}`);
      return fallback ?? '';
    }
    return value;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], fallback?: T): T {
    const value = this.string(field, fallback);
    if ((allowed as readonly string[]).includes(value)) return value as T;
    if (value !== '' || fallback === undefined) this.problem(field, `must be one of ${allowed.join(', ')}`);
    return fallback ?? allowed[0]!;
  }

  number(field: string, range: { min: number; max: number; integer?: boolean }, fallback?: number): number {
    const value = this.object[field];
    if (value === undefined || value === null) {
      if (fallback === undefined) this.problem(field, 'is required');
      return fallback ?? range.min;
    }
    const valid =
      typeof value === 'number' && Number.isFinite(value) && (!range.integer || Number.isInteger(value));
    if (!valid || value < range.min || value > range.max) {
      const kind = range.integer ? 'an integer' : 'a number';
      this.problem(field, `must be ${kind} from ${range.min} to ${range.max}, got ${describe(value)}`);
      return fallback ?? range.min;
    }
    return value;
  }

  boolean(field: string, fallback: boolean): boolean {
    const value = this.object[field];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') {
      this.problem(field, `must be true or false, got ${describe(value)}`);
      return fallback;
    }
    return value;
  }

  strings(field: string, options: { required?: boolean } = {}): string[] {
    const value = this.object[field];
    if (value === undefined || value === null) {
      if (options.required) this.problem(field, 'is required (a list of strings)');
      return [];
    }
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      this.problem(field, 'must be a list of strings');
      return [];
    }
    return value as string[];
  }

  /** A nested mapping, read with its own reader; undefined when absent. */
  child(field: string): FieldReader | undefined {
    const value = this.object[field];
    if (value === undefined || value === null) return undefined;
    if (!isPlainObject(value)) {
      this.problem(field, `must be a mapping, got ${describe(value)}`);
      return undefined;
    }
    return new FieldReader(value, this.problems, `${this.prefix}${field}.`);
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'string' ? 'a string' : typeof value;
}
