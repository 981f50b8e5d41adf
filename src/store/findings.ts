import type Database from 'better-sqlite3';
import { findingWeightSql } from '../score.ts';
import { CATEGORIES, SEVERITIES, type Category, type Product, type Severity } from '../types.ts';
import { severityOfRankSql, severityRankSql } from './item-exposure.ts';
import type { CategorySeverityCounts, ContainerRef, FindingRecord, FindingStatus } from './model.ts';
import { emptyCounts } from './score-counts.ts';

export interface FindingFilter {
  siteId?: number;
  container?: ContainerRef;
  category?: Category;
  minSeverity?: Severity;
  /** Default 'open'. */
  status?: FindingStatus | 'all';
  /** Only items created or updated at or after this ISO instant. */
  since?: string;
}

export interface ItemExposure {
  product: Product;
  containerKey: string;
  itemId: string;
  itemKey: string | null;
  itemTitle: string;
  itemUrl: string;
  findings: number;
  /** Same weighting as the score: distinct values in the item, each at its strongest occurrence. */
  weighted: number;
  worst: Severity;
  categories: Category[];
}

type ItemExposureRow = Omit<ItemExposure, 'categories'> & { categories: string };

const SELECT_RECORD = `
  SELECT f.id, f.status, f.rule_id AS ruleId, f.category, f.severity, f.confidence, f.preview, f.fingerprint,
    f.explanation, f.field, f.field_id AS fieldId, f.url, f.visibility, f.start_offset AS start, f.end_offset AS "end",
    f.first_seen_run AS firstSeenRun, f.last_seen_run AS lastSeenRun, f.resolved_run AS resolvedRun,
    i.product, c.key AS containerKey, i.external_id AS itemId, i.key AS itemKey, i.title AS itemTitle,
    i.url AS itemUrl, i.created AS itemCreated, i.updated AS itemUpdated, i.reporter, i.assignee,
    i.last_editor AS lastEditor`;
const ALL_FINDINGS =
  'FROM findings f JOIN items i ON i.id = f.item_id JOIN containers c ON c.id = f.container_id';

/**
 * The join order and ORDER BY of a filtered read. Each keeps rows in item order, so SQLite sorts only the few
 * findings of one item at a time (flat memory for any number of rows). A space, or recent items, drive the
 * join through their items: reading a tenth of the findings no longer walks all of them.
 */
function readPlan(filter: FindingFilter): { from: string; orderBy: string } {
  const withinItem = 'f.field, f.field_id, f.start_offset';
  if (filter.container)
    return {
      from: `FROM containers c CROSS JOIN items i ON i.container_id = c.id CROSS JOIN findings f ON f.item_id = i.id`,
      orderBy: `c.site_id, i.id, ${withinItem}`,
    };
  if (filter.since)
    return {
      from: 'FROM items i CROSS JOIN findings f ON f.item_id = i.id JOIN containers c ON c.id = f.container_id',
      orderBy: `i.id, ${withinItem}`,
    };
  return { from: ALL_FINDINGS, orderBy: `f.item_id, ${withinItem}` };
}

const WEIGHT = findingWeightSql('f.severity', 'f.confidence', 'f.visibility');
const SEVERITY_RANK = severityRankSql('f.severity');

interface Clauses {
  clauses: string[];
  params: Record<string, unknown>;
}

function where(filter: FindingFilter): { sql: string; params: Record<string, unknown> } {
  const { clauses, params } = itemScope(filter);
  const status = filter.status ?? 'open';
  if (status !== 'all') {
    clauses.push('f.status = @status');
    params.status = status;
  }
  if (filter.category) {
    clauses.push('f.category = @category');
    params.category = filter.category;
  }
  if (filter.minSeverity) {
    clauses.push(`${SEVERITY_RANK} >= @minRank`);
    params.minRank = SEVERITIES.indexOf(filter.minSeverity);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** The filter as conditions on `findings f` alone: items and containers only through id subqueries. */
function findingsOnly(filter: FindingFilter): { sql: string; params: Record<string, unknown> } {
  const scoped = where({ ...filter, siteId: undefined, container: undefined, since: undefined });
  const clauses = scoped.sql ? [scoped.sql.replace(/^WHERE /, '')] : [];
  const params = { ...scoped.params };
  if (filter.siteId !== undefined) {
    clauses.push('f.container_id IN (SELECT id FROM containers WHERE site_id = @siteId)');
    params.siteId = filter.siteId;
  }
  if (filter.container) {
    clauses.push(
      'f.container_id IN (SELECT id FROM containers WHERE product = @product AND key = @containerKey)',
    );
    Object.assign(params, { product: filter.container.product, containerKey: filter.container.key });
  }
  if (filter.since) {
    clauses.push('f.item_id IN (SELECT id FROM items WHERE updated >= @since OR created >= @since)');
    params.since = filter.since;
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** The parts of a filter that select items (`i`) and containers (`c`), not findings. */
function itemScope(filter: FindingFilter): Clauses {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.siteId !== undefined) {
    clauses.push('c.site_id = @siteId');
    params.siteId = filter.siteId;
  }
  if (filter.container) {
    clauses.push('c.product = @product AND c.key = @containerKey');
    Object.assign(params, { product: filter.container.product, containerKey: filter.container.key });
  }
  if (filter.since) {
    clauses.push('(i.updated >= @since OR i.created >= @since)');
    params.since = filter.since;
  }
  return { clauses, params };
}

const TOP_COLUMNS = `i.product, c.key AS containerKey, i.external_id AS itemId, i.key AS itemKey, i.title AS itemTitle,
  i.url AS itemUrl`;

/** The read side for reports and exports: streaming, filtered, flat rows. */
export class FindingReader {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /** Streams matching findings (one row in memory at a time), by container, item, field and offset. */
  iterate(filter: FindingFilter = {}): IterableIterator<FindingRecord> {
    const w = where(filter);
    const plan = readPlan(filter);
    const sql = `${SELECT_RECORD} ${plan.from} ${w.sql} ORDER BY ${plan.orderBy}`;
    return this.#prepare(sql).iterate(w.params) as IterableIterator<FindingRecord>;
  }

  /** The open findings of the given items (by product and external id) of one site, item by item. */
  openInItems(siteId: number, items: ReadonlyArray<{ product: Product; itemId: string }>): FindingRecord[] {
    if (items.length === 0) return [];
    const sql = `${SELECT_RECORD} FROM json_each(@items) j
      CROSS JOIN items i ON i.site_id = @siteId AND i.product = json_extract(j.value, '$.product')
        AND i.external_id = json_extract(j.value, '$.itemId')
      CROSS JOIN findings f ON f.item_id = i.id JOIN containers c ON c.id = f.container_id
      WHERE f.status = 'open' ORDER BY j.key, f.field, f.field_id, f.start_offset`;
    return this.#prepare(sql).all({ siteId, items: JSON.stringify(items) }) as FindingRecord[];
  }

  /** The distinct fingerprints of findings (any status) that start with `prefix` (lower-case hex). */
  fingerprintsStartingWith(prefix: string): string[] {
    return (
      this.#prepare(
        'SELECT DISTINCT fingerprint FROM findings WHERE substr(fingerprint, 1, length(@prefix)) = @prefix LIMIT 2',
      )
        .raw()
        .all({ prefix }) as Array<[string]>
    ).map(([f]) => f);
  }

  /** The rule ids of findings (any status), in one container or everywhere, sorted. */
  ruleIds(scope: { containerId?: number } = {}): string[] {
    return (
      this.#prepare(
        'SELECT DISTINCT rule_id FROM findings WHERE @containerId IS NULL OR container_id = @containerId ORDER BY 1',
      )
        .raw()
        .all({ containerId: scope.containerId ?? null }) as Array<[string]>
    ).map(([id]) => id);
  }

  get(id: number): FindingRecord | undefined {
    return this.#prepare(`${SELECT_RECORD} ${ALL_FINDINGS} WHERE f.id = ?`).get(id) as
      FindingRecord | undefined;
  }

  /**
   * The most exposed items first. Open findings in any category and severity are read from the per-item
   * aggregates the writers keep (item-exposure.ts); other filters group the findings.
   */
  topItems(filter: FindingFilter = {}, limit = 20): ItemExposure[] {
    const aggregated = (filter.status ?? 'open') === 'open' && !filter.category && !filter.minSeverity;
    const rows = aggregated ? this.#topFromItems(filter, limit) : this.#topFromFindings(filter, limit);
    return rows.map((r) => ({
      ...r,
      categories: [...new Set(r.categories.split(','))].sort() as Category[],
    }));
  }

  #topFromItems(filter: FindingFilter, limit: number): ItemExposureRow[] {
    const { clauses, params } = itemScope(filter);
    const sql = `
      SELECT ${TOP_COLUMNS}, i.open_findings AS findings, i.weighted, i.worst_severity AS worst, i.categories
      FROM items i JOIN containers c ON c.id = i.container_id
      WHERE ${['i.open_findings > 0', ...clauses].join(' AND ')}
      ORDER BY i.weighted DESC, i.open_findings DESC LIMIT @limit`;
    return this.#prepare(sql).all({ ...params, limit }) as ItemExposureRow[];
  }

  // Grouped over the findings table alone (a full scan beats walking the item index here), items and containers
  // joined for the top rows only; categories as one flag per category, not group_concat(DISTINCT), which sorts
  // per group. Values are grouped by their integer key, and the inner ORDER BY repeats the GROUP BY so that the
  // per-item sums stream instead of sorting again (bench/store.ts).
  #topFromFindings(filter: FindingFilter, limit: number): ItemExposureRow[] {
    const w = findingsOnly(filter);
    const flags = CATEGORIES.map((c, n) => `MAX(f.category = '${c}') AS c${n}`).join(', ');
    const categories = CATEGORIES.map((c, n) => `CASE WHEN MAX(c${n}) THEN '${c},' ELSE '' END`).join(' || ');
    const sql = `
      SELECT ${TOP_COLUMNS}, g.findings, g.weighted, ${severityOfRankSql('g.r')} AS worst, g.categories FROM (
        SELECT item_id, SUM(n) AS findings, SUM(w) AS weighted, MAX(r) AS r, rtrim(${categories}, ',') AS categories
        FROM (
          SELECT f.item_id, COUNT(*) AS n, MAX(${WEIGHT}) AS w, MAX(${SEVERITY_RANK}) AS r, ${flags}
          FROM findings f NOT INDEXED ${w.sql} GROUP BY f.item_id, f.value_key
          ORDER BY f.item_id, f.value_key)
        GROUP BY item_id ORDER BY weighted DESC, findings DESC LIMIT @limit) g
      JOIN items i ON i.id = g.item_id JOIN containers c ON c.id = i.container_id
      ORDER BY g.weighted DESC, g.findings DESC`;
    return this.#prepare(sql).all({ ...w.params, limit }) as ItemExposureRow[];
  }

  /** Findings per container by category and severity. */
  countsByContainer(
    filter: FindingFilter = {},
  ): Array<{ container: ContainerRef; total: number; counts: CategorySeverityCounts }> {
    const w = where(filter);
    const sql = `
      SELECT c.product, c.key, f.category, f.severity, COUNT(*) AS n
      FROM findings f JOIN containers c ON c.id = f.container_id ${filter.since ? 'JOIN items i ON i.id = f.item_id' : ''}
      ${w.sql} GROUP BY c.id, f.category, f.severity ORDER BY c.product, c.key`;
    const rows = this.#prepare(sql).all(w.params) as Array<
      ContainerRef & { category: Category; severity: Severity; n: number }
    >;
    const result = new Map<
      string,
      { container: ContainerRef; total: number; counts: CategorySeverityCounts }
    >();
    for (const r of rows) {
      const id = `${r.product}:${r.key}`;
      let entry = result.get(id);
      if (!entry)
        result.set(
          id,
          (entry = { container: { product: r.product, key: r.key }, total: 0, counts: emptyCounts() }),
        );
      entry.total += r.n;
      entry.counts[r.category][r.severity] += r.n;
    }
    return [...result.values()];
  }

  #prepare(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) this.#statements.set(sql, (statement = this.#db.prepare(sql)));
    return statement;
  }
}
