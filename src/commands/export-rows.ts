// The rows of `exposure export csv`: one per finding for cleanup teams (where it is, who to ask, why the rule fired,
// whether Atlassian contributes it), or one per place with --summary (its state first: a number only where a run
// measured it). New columns are appended, so scripts reading the earlier ones by position keep working.
import { loadRules } from '../detect/load-rules.ts';
import { UsageError } from '../errors.ts';
import { singleLine } from '../report/escape.ts';
import type { ReportData } from '../report/model.ts';
import { isContributed, type Plan } from '../store/contribution.ts';
import type { FindingFilter } from '../store/findings.ts';
import type { Store } from '../store/store.ts';
import { CATEGORIES, SEVERITIES, type Category, type Severity } from '../types.ts';

export const FINDING_COLUMNS = [
  'site',
  'product',
  'container_key',
  'container_name',
  'item',
  'item_title',
  'url',
  'field',
  'field_id',
  'rule_id',
  'rule_title',
  'category',
  'severity',
  'confidence',
  'preview',
  'first_seen',
  'last_seen',
  'status',
  'fingerprint',
  // `exposure suppress <id>` takes it.
  'finding_id',
  'field_name',
  'reporter',
  'assignee',
  'last_editor',
  'item_created',
  'item_updated',
  'ai_contributed',
  'ai_contribution_reason',
  'why',
  // Jira comments and worklogs: public (a service desk reply the customer sees), internal, restricted; empty
  // elsewhere.
  'visibility',
  // Who may read the place (public, logged-in, restricted, unknown): the summary CSV's `visibility`.
  'place_visibility',
] as const;

export const SUMMARY_COLUMNS = [
  'site',
  'product',
  'container_key',
  'container_name',
  'score',
  'open',
  'suppressed',
  'secret',
  'pii',
  'phi',
  'critical',
  'high',
  'medium',
  'low',
  'items_scanned',
  'items_listed',
  'density',
  'coverage',
  'status',
  'status_reason',
  'last_scanned',
  'rank',
  'weight',
  'visibility',
] as const;

export interface Contribution {
  plan: Plan;
  excluded: readonly string[];
}

export function* findingRows(
  store: Store,
  filters: FindingFilter[],
  contribution: Contribution,
): Generator<unknown[]> {
  const titles = new Map(loadRules().map((r) => [r.spec.id, r.spec.title]));
  const fieldNames = store.fieldNames.all();
  const runs = new Map<number, string>();
  const startedAt = (id: number) => {
    if (!runs.has(id)) runs.set(id, store.runs.get(id).startedAt);
    return runs.get(id);
  };
  const now = new Date();
  const containers = new Map(
    store.containers.list().map((c) => {
      const verdict = isContributed(contribution.plan, c, contribution.excluded, now);
      return [`${c.product}:${c.key}`, { ...c, ...verdict }];
    }),
  );
  const sites = new Map<number, string>();
  for (const filter of filters) {
    for (const f of store.findings.iterate(filter)) {
      const container = containers.get(`${f.product}:${f.containerKey}`);
      if (container && !sites.has(container.siteId))
        sites.set(container.siteId, store.runs.get(f.firstSeenRun).siteUrl);
      const fieldName = container && fieldNames.get(`${container.siteId}:${f.product}:${f.fieldId}`);
      yield [
        container ? sites.get(container.siteId) : '',
        f.product,
        f.containerKey,
        container?.name ?? '',
        f.itemKey ?? f.itemId,
        f.itemTitle,
        f.url,
        f.field,
        f.fieldId,
        f.ruleId,
        titles.get(f.ruleId) ?? '',
        f.category,
        f.severity,
        f.confidence.toFixed(2),
        singleLine(f.preview),
        startedAt(f.firstSeenRun),
        startedAt(f.lastSeenRun),
        f.status,
        f.fingerprint,
        f.id,
        fieldName ?? '',
        f.reporter ?? '',
        f.assignee ?? '',
        f.lastEditor ?? '',
        f.itemCreated ?? '',
        f.itemUpdated ?? '',
        container ? (container.contributed ? 'yes' : 'no') : '',
        container?.why ?? '',
        singleLine(f.explanation),
        f.visibility ?? '',
        container?.visibility ?? '',
      ];
    }
  }
}

const fixed = (value: number | null | undefined, digits: number) =>
  value === null || value === undefined ? '' : value.toFixed(digits);

export function* summaryRows(data: ReportData): Generator<unknown[]> {
  const rows = [
    ...data.containers.map((c) => ({ ...c, container: true })),
    { product: 'site', key: '*', name: 'all spaces and projects', container: false },
  ];
  for (const row of rows) {
    const place = row.container ? (row as ReportData['containers'][number]) : undefined;
    const measure = place ? place.measure : data.site.measure;
    const byCategory = (c: Category) =>
      measure && Object.values(measure.counts[c]).reduce((a, b) => a + b, 0);
    const bySeverity = (v: Severity) => measure && CATEGORIES.reduce((a, c) => a + measure.counts[c][v], 0);
    const listed = place ? place.listed : data.containers.reduce((n, c) => n + (c.listed ?? 0), 0);
    const scanned = place ? place.scanned : data.containers.reduce((n, c) => n + (c.scanned ?? 0), 0);
    yield [
      data.siteUrl,
      row.product,
      row.key,
      row.name,
      fixed(measure?.score, 1),
      measure?.open ?? '',
      measure?.suppressed ?? '',
      ...CATEGORIES.map(byCategory),
      ...[...SEVERITIES].reverse().map(bySeverity),
      scanned ?? '',
      listed ?? '',
      fixed(measure?.density, 4),
      fixed(place ? place.coverage : data.site.coverage, 4),
      place ? place.state : data.run.status,
      place ? (place.reason ?? '') : `${data.site.places.scanned} of ${data.site.places.listed} places read`,
      place?.lastScanned?.at ?? (place ? '' : data.run.started),
      place?.rank ?? '',
      fixed(measure?.weight, 4),
      place?.visibility ?? '',
    ];
  }
}

export function noRunYet(): never {
  throw new UsageError('no finished run in this database yet: run `exposure scan` first');
}
