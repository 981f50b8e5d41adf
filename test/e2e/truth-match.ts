// Matching stored findings against the fake site's ground truth: a planted value is found when a finding sits
// at its place (item, field, comment or field id), of its category, with its keyed fingerprint. The fingerprint
// makes each value count on its own: two values planted in one field need two findings, not one.
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { fingerprintValue } from '../../src/detect/redact.ts';
import { NORMALIZATIONS } from '../../src/detect/rule-schema.ts';
import type { PlantedRecord } from '../../src/fake-site/model.ts';

export interface FindingRow {
  product: string;
  container: string;
  kind: string;
  externalId: string;
  key: string | null;
  field: string;
  fieldId: string;
  category: string;
  fingerprint: string;
}

/** Open findings with where they sit. */
export function openFindings(db: string): FindingRow[] {
  const database = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return database
      .prepare(
        `SELECT i.product, c.key AS container, i.kind, i.external_id AS externalId, i.key, f.field,
                f.field_id AS fieldId, f.category, f.fingerprint
         FROM findings f JOIN items i ON i.id = f.item_id JOIN containers c ON c.id = f.container_id
         WHERE f.status = 'open'`,
      )
      .all() as FindingRow[];
  } finally {
    database.close();
  }
}

/** Whether a stored finding sits where the truth record says its value is. */
function at(record: PlantedRecord, row: FindingRow): boolean {
  if (row.product !== record.product) return false;
  const [field, fieldId] = record.field.split(':') as [string, string | undefined];
  if (record.container === '') {
    return (
      row.container === 'site-config' && row.field === field && row.fieldId.split('/')[0] === record.item
    );
  }
  if (row.container !== record.container) return false;
  if (record.item === record.container) return ['project', 'space'].includes(row.kind) && row.field === field;
  const item = record.product === 'jira' ? row.key === record.item : row.externalId === record.item;
  if (!item) return false;
  if (record.product === 'jira' && field === 'summary') return row.field === 'title';
  if (fieldId !== undefined) return row.field.startsWith(field) && row.fieldId === fieldId;
  return row.field === field;
}

const MAX_EXHAUSTIVE = 200;

/** Offsets where a run of letters and digits, or of white space, starts or ends, with the value's two ends. */
function tokenEdges(value: string): number[] {
  const edges = new Set([0, value.length]);
  for (const m of value.matchAll(/[A-Za-z0-9]+|\s+/g)) edges.add(m.index).add(m.index + m[0].length);
  return [...edges].sort((a, b) => a - b);
}

/** Fingerprints of a planted value under every normalisation: the whole value, or (lazily) any part of it. */
class ValuePrints {
  private readonly key: Buffer;
  private readonly whole = new Map<string, Set<string>>();
  private readonly parts = new Map<string, Set<string>>();

  constructor(key: Buffer) {
    this.key = key;
  }

  of(value: string): Set<string> {
    let prints = this.whole.get(value);
    if (!prints) this.whole.set(value, (prints = this.printsOf([value])));
    return prints;
  }

  /**
   * Substrings of 3 characters or more: a rule may report only part of a value (see missedValues). Every one of
   * a short value; of a long one (a private key, a multi-line record), those that start and end where letters and
   * digits or white space meet other characters, as a reported part does, so that the count stays near quadratic in its tokens.
   */
  ofParts(value: string): Set<string> {
    let prints = this.parts.get(value);
    if (!prints) {
      const cuts =
        value.length <= MAX_EXHAUSTIVE
          ? Array.from({ length: value.length + 1 }, (_, i) => i)
          : tokenEdges(value);
      const parts = new Set<string>();
      for (const start of cuts)
        for (const end of cuts) if (end - start >= 3) parts.add(value.slice(start, end));
      this.parts.set(value, (prints = this.printsOf([...parts])));
    }
    return prints;
  }

  private printsOf(values: readonly string[]): Set<string> {
    return new Set(values.flatMap((v) => NORMALIZATIONS.map((n) => fingerprintValue(this.key, v, n))));
  }
}

/**
 * The planted values without a finding at their place, of their category, whose fingerprint under the scan's key
 * is that of the value (under any normalisation, the rule's being unknown here) or of a part of it: a rule may
 * report only the secret part of what was planted (the password of a connection URL, the identifier in a health
 * record). Either way the finding must come from this value, so a value missed beside another one planted in the
 * same field counts as missed.
 */
export function missedValues(
  planted: readonly PlantedRecord[],
  rows: readonly FindingRow[],
  keyFile: string,
): PlantedRecord[] {
  const prints = new ValuePrints(readFileSync(keyFile));
  return planted.filter((p) => {
    const here = rows.filter((row) => at(p, row) && row.category === p.category);
    if (here.length === 0) return true;
    const whole = prints.of(p.value);
    if (here.some((row) => whole.has(row.fingerprint))) return false;
    const parts = prints.ofParts(p.value);
    return !here.some((row) => parts.has(row.fingerprint));
  });
}
