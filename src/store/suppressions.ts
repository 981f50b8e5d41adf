import type Database from 'better-sqlite3';
import { StoreError } from '../errors.ts';
import { refreshItemExposureSql } from './item-exposure.ts';

export type SuppressionTarget =
  | { kind: 'fingerprint'; fingerprint: string }
  | { kind: 'finding'; findingId: number }
  | { kind: 'rule'; ruleId: string; containerId: number };

export interface Suppression {
  id: number;
  target: SuppressionTarget;
  reason: string;
  createdBy: string;
  createdAt: string;
}

interface SuppressionRow {
  id: number;
  fingerprint: string | null;
  finding_id: number | null;
  rule_id: string | null;
  container_id: number | null;
  reason: string;
  created_by: string;
  created_at: string;
}

/** True when some suppression still covers the finding row `findings`. */
const COVERED = `(
  EXISTS (SELECT 1 FROM suppressions s WHERE s.fingerprint = findings.fingerprint)
  OR EXISTS (SELECT 1 FROM suppressions s WHERE s.finding_id = findings.id)
  OR EXISTS (SELECT 1 FROM suppressions s JOIN items i ON i.id = findings.item_id
             WHERE s.rule_id = findings.rule_id AND s.container_id = i.container_id))`;

/** SQL matching the findings a target names, and the columns that identify the target in `suppressions`. */
function targetSql(target: SuppressionTarget): { findings: string; row: string; params: unknown[] } {
  switch (target.kind) {
    case 'fingerprint':
      return { findings: 'fingerprint = ?', row: 'fingerprint = ?', params: [target.fingerprint] };
    case 'finding':
      return { findings: 'id = ?', row: 'finding_id = ?', params: [target.findingId] };
    case 'rule':
      return {
        findings: 'rule_id = ? AND item_id IN (SELECT id FROM items WHERE container_id = ?)',
        row: 'rule_id = ? AND container_id = ?',
        params: [target.ruleId, target.containerId],
      };
  }
}

function toTarget(row: SuppressionRow): SuppressionTarget {
  if (row.fingerprint !== null) return { kind: 'fingerprint', fingerprint: row.fingerprint };
  if (row.finding_id !== null) return { kind: 'finding', findingId: row.finding_id };
  return { kind: 'rule', ruleId: row.rule_id ?? '', containerId: row.container_id ?? 0 };
}

/** The suppressions by value and by rule per container, read once per batch so each new finding costs no query. */
export interface SuppressionSnapshot {
  covers(fingerprint: string, ruleId: string, containerId: number): boolean;
}

export function suppressionSnapshot(db: Database.Database): SuppressionSnapshot {
  const rows = db
    .prepare<[], Pick<SuppressionRow, 'fingerprint' | 'rule_id' | 'container_id'>>(
      'SELECT fingerprint, rule_id, container_id FROM suppressions WHERE finding_id IS NULL',
    )
    .all();
  const fingerprints = new Set(rows.flatMap((r) => (r.fingerprint === null ? [] : [r.fingerprint])));
  const rules = new Set(
    rows.flatMap((r) => (r.rule_id === null ? [] : [`${r.rule_id}\u0000${r.container_id}`])),
  );
  return {
    covers: (fingerprint, ruleId, containerId) =>
      fingerprints.has(fingerprint) || rules.has(`${ruleId}\u0000${containerId}`),
  };
}

/**
 * Suppressions outlive runs: the finding upsert consults them, so a suppressed value never comes back as open.
 * Suppressed findings are excluded from scores and counted separately.
 */
export class SuppressionRepository {
  readonly #db: Database.Database;
  readonly #onChange: () => void;

  /** `onChange` runs after findings changed status (the store refreshes the stored scores there). */
  constructor(db: Database.Database, onChange: () => void = () => {}) {
    this.#db = db;
    this.#onChange = onChange;
  }

  /** Adds (or re-words) a suppression and applies it to the open findings it covers. Returns findings changed. */
  add(target: SuppressionTarget, who: { reason: string; by: string }): number {
    if (who.reason.trim() === '') throw new StoreError('a suppression needs a reason');
    const sql = targetSql(target);
    const changed = this.#db.transaction(() => {
      if (
        target.kind === 'finding' &&
        !this.#db.prepare('SELECT 1 FROM findings WHERE id = ?').get(target.findingId)
      ) {
        throw new StoreError(`no finding ${target.findingId} in this database`);
      }
      const now = new Date().toISOString();
      const existing = this.#db.prepare(`SELECT id FROM suppressions WHERE ${sql.row}`).get(...sql.params);
      if (existing) {
        this.#db
          .prepare(`UPDATE suppressions SET reason = ?, created_by = ?, created_at = ? WHERE ${sql.row}`)
          .run(who.reason, who.by, now, ...sql.params);
      } else {
        const t = target;
        this.#db
          .prepare(
            `INSERT INTO suppressions (fingerprint, finding_id, rule_id, container_id, reason, created_by, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            t.kind === 'fingerprint' ? t.fingerprint : null,
            t.kind === 'finding' ? t.findingId : null,
            t.kind === 'rule' ? t.ruleId : null,
            t.kind === 'rule' ? t.containerId : null,
            who.reason,
            who.by,
            now,
          );
      }
      const changed = this.#db
        .prepare(`UPDATE findings SET status = 'suppressed' WHERE status = 'open' AND ${sql.findings}`)
        .run(...sql.params).changes;
      if (changed > 0) this.#refreshItems(sql);
      return changed;
    })();
    if (changed > 0) this.#onChange();
    return changed;
  }

  /** Removes a suppression; findings no other suppression covers become open again. Returns findings reopened. */
  remove(target: SuppressionTarget): number {
    const sql = targetSql(target);
    const changed = this.#db.transaction(() => {
      const removed = this.#db
        .prepare(`DELETE FROM suppressions WHERE ${sql.row}`)
        .run(...sql.params).changes;
      if (removed === 0) throw new StoreError('no such suppression');
      const changed = this.#db
        .prepare(
          `UPDATE findings SET status = 'open' WHERE status = 'suppressed' AND ${sql.findings} AND NOT ${COVERED}`,
        )
        .run(...sql.params).changes;
      if (changed > 0) this.#refreshItems(sql);
      return changed;
    })();
    if (changed > 0) this.#onChange();
    return changed;
  }

  /** Recomputes the per-item aggregates of the items holding the target's findings. */
  #refreshItems(sql: { findings: string; params: unknown[] }): void {
    this.#db
      .prepare(refreshItemExposureSql(`id IN (SELECT item_id FROM findings WHERE ${sql.findings})`))
      .run(...sql.params);
  }

  list(): Suppression[] {
    return this.#db
      .prepare<[], SuppressionRow>('SELECT * FROM suppressions ORDER BY id')
      .all()
      .map((row) => ({
        id: row.id,
        target: toTarget(row),
        reason: row.reason,
        createdBy: row.created_by,
        createdAt: row.created_at,
      }));
  }
}
