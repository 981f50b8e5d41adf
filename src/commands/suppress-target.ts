// What `exposure suppress` / `unsuppress` name: a finding id, a fingerprint (or a unique prefix of 8 or more hex
// characters), or a rule in one space or project. A suppression that would match nothing is refused with a hint,
// so a typo never passes as a muted finding.
import { distance } from 'fastest-levenshtein';
import { loadRules } from '../detect/load-rules.ts';
import { UsageError } from '../errors.ts';
import { stripControl } from '../report/escape.ts';
import type { Store } from '../store/store.ts';
import type { SuppressionTarget } from '../store/suppressions.ts';

export interface TargetFlags {
  rule?: string;
  container?: string;
}

const FINDING_ID = /^[1-9]\d*$/;
const FINGERPRINT = /^[0-9a-f]{8,128}$/i;

/**
 * The closest ids to `id`, nearest first: ids that contain the typed one or sit inside it (`email-address` for
 * `email`), then by edit distance, which alone would rank `mac-address` above `email`.
 */
export function nearest(id: string, ids: Iterable<string>, count = 3): string[] {
  const typed = id.toLowerCase();
  const rank = (candidate: string) =>
    (typed.includes(candidate) || candidate.includes(typed) ? 0 : 1000) + distance(typed, candidate);
  return [...new Set(ids)]
    .map((candidate) => [candidate, rank(candidate)] as const)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([candidate]) => candidate);
}

/**
 * The one fingerprint `prefix` names among `known` (findings' to suppress, suppressions' to unsuppress, where no
 * match is left to the removal's own "no such suppression").
 */
function fingerprintOf(prefix: string, known: readonly string[], verb: 'suppress' | 'unsuppress'): string {
  const lower = prefix.toLowerCase();
  const matches = [...new Set(known.filter((f) => f.startsWith(lower)))];
  if (matches.length === 0 && verb === 'unsuppress') return lower;
  if (matches.length === 0) throw new UsageError(`no finding has a fingerprint starting with ${lower}`);
  if (matches.length > 1)
    throw new UsageError(`${lower} starts ${matches.length} fingerprints: give more of its characters`);
  return matches[0]!;
}

function ruleTarget(store: Store, rule: string, containerSpec: string, verb: 'suppress' | 'unsuppress') {
  const matches = store.containers.find(containerSpec);
  if (matches.length === 0) throw new UsageError(`no space or project ${containerSpec} in the database`);
  if (matches.length > 1)
    throw new UsageError(`${containerSpec} names several containers: write jira:KEY or confluence:KEY`);
  const container = matches[0]!;
  const target: SuppressionTarget = { kind: 'rule', ruleId: rule, containerId: container.id };
  if (verb === 'unsuppress') return target;
  const here = store.findings.ruleIds({ containerId: container.id });
  if (here.includes(rule)) return target;
  const known = new Set([...loadRules().map((r) => r.spec.id), ...store.findings.ruleIds()]);
  const shown = stripControl(rule);
  if (!known.has(rule))
    throw new UsageError(`no rule ${shown}; the nearest rule ids: ${nearest(rule, known).join(', ')}`);
  const hint =
    here.length > 0
      ? `rules with findings there: ${nearest(rule, here, 5).join(', ')}`
      : 'it has no findings';
  throw new UsageError(`rule ${shown} has no finding in ${containerSpec}; ${hint}`);
}

export function parseTarget(
  store: Store,
  target: string | undefined,
  flags: TargetFlags,
  verb: 'suppress' | 'unsuppress',
): SuppressionTarget {
  if (target !== undefined && (flags.rule || flags.container)) {
    throw new UsageError('give either a finding id / fingerprint, or --rule with --container, not both');
  }
  if (target === undefined) {
    if (!flags.rule || !flags.container) {
      throw new UsageError('name a finding id or fingerprint, or a rule with --rule <id> --container <key>');
    }
    return ruleTarget(store, flags.rule, flags.container, verb);
  }
  // Eight digits or more can be a finding id or a fingerprint prefix: a finding with that id wins.
  const digitsOnly = FINDING_ID.test(target);
  if (digitsOnly && (!FINGERPRINT.test(target) || store.findings.get(Number(target))))
    return { kind: 'finding', findingId: Number(target) };
  if (FINGERPRINT.test(target)) {
    const known =
      verb === 'suppress'
        ? store.findings.fingerprintsStartingWith(target.toLowerCase())
        : store.suppressions
            .list()
            .flatMap((s) => (s.target.kind === 'fingerprint' ? [s.target.fingerprint] : []));
    return { kind: 'fingerprint', fingerprint: fingerprintOf(target, known, verb) };
  }
  throw new UsageError(
    `${stripControl(target)} is neither a finding id (a number) nor a fingerprint (8 or more hexadecimal characters)`,
  );
}
