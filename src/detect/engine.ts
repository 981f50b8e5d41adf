// scan(text) -> Finding[]: one keyword pass for all rules, each rule's regex only in windows around its
// keyword hits (rule-plan.ts says where rules without keywords run), the checks in evaluate.ts, the PHI pass,
// the confidence threshold, de-duplication, and redaction. The raw value never leaves this module except as
// HMAC input (fingerprint) and mask input (preview).
import { SEVERITIES } from '../types.ts';
import type { Category, Finding } from '../types.ts';
import { evaluateMatch, evaluateValue, prepareRule } from './evaluate.ts';
import { standaloneLength } from './standalone.ts';
import { lineStarts, scanColumns, headerKeywords, type ColumnCell } from './columns.ts';
import type { PreparedRule } from './evaluate.ts';
import type { Hit } from './hit.ts';
import { KeywordIndex } from './keyword-index.ts';
import { lowerCaseTwin, type CompiledRule } from './compile-rule.ts';
import { derivePhiHits } from './phi.ts';
import { BASE64_WORDS, base64Layers, encodedSpan, speaksOfBase64, type Base64Layer } from './base64-layer.ts';
import { fingerprintValue, maskValue } from './redact.ts';
import type { MaskStyle, Normalization } from './rule-schema.ts';
import { VALIDATOR_MODELS, VALIDATORS } from './validators/index.ts';
import { planRule, runsWithoutWords, type RulePlan } from './rule-plan.ts';
import { warmRecognizers } from './recognizers.ts';
import { mergeWindows, scanWhole, scanWindows } from './windows.ts';
import { mapSpan, normalizeForDetection } from '../text/normalize.ts';

export interface DetectorOptions {
  /** Fingerprint key (see redact.ts loadOrCreateKey). */
  key: Buffer;
  /** Only rules of these categories (default: all). */
  categories?: readonly Category[];
  /** Drop findings below this confidence (default DEFAULT_MIN_CONFIDENCE). */
  minConfidence?: number;
  /** false runs every regex over the whole text: the reference the keyword prefilter must agree with. */
  prefilter?: boolean;
}

/**
 * What `scan` and `detect` report unless told otherwise. A format alone (no context word, not alone in its field)
 * is worth less than this for ambiguous rules; an illustrative word next to a value (-0.15) leaves every rule with
 * a base of 0.55 or more above it.
 */
export const DEFAULT_MIN_CONFIDENCE = 0.4;

interface Redaction {
  mask: MaskStyle;
  normalize: Normalization;
}

export interface Detector {
  scan(text: string): Finding[];
  /** Loads the recognizers-text models the active rules' validators use; otherwise the first candidate pays. */
  warm(): void;
}

interface KeywordTable {
  index: KeywordIndex;
  /** For each keyword id, the rules (indices into the plans) that list it. */
  rulesOf: number[][];
  /** Parallel to rulesOf: the rule needs the hit at the start of a word (its context words do; keywords not). */
  atWordStartOf: boolean[][];
  lengthOf: number[];
}

/**
 * The keywords of every rule, and `gateWords` under the index just past the last rule (plans.length): their hits
 * open no window, they say the text is worth a second look (base64-layer.ts).
 */
function buildKeywordTable(plans: readonly RulePlan[], gateWords: readonly string[]): KeywordTable {
  const ids = new Map<string, number>();
  const rulesOf: number[][] = [];
  const atWordStartOf: boolean[][] = [];
  const add = (word: string, ruleIndex: number, atWordStart: boolean) => {
    let id = ids.get(word);
    if (id === undefined) {
      id = ids.size;
      ids.set(word, id);
      rulesOf.push([]);
      atWordStartOf.push([]);
    }
    rulesOf[id]!.push(ruleIndex);
    atWordStartOf[id]!.push(atWordStart);
  };
  plans.forEach(({ prepared: { rule }, words, contextWords }, ruleIndex) => {
    const headers = rule.spec.column ? headerKeywords(rule.spec.column) : [];
    for (const word of new Set([...words, ...headers]))
      add(word, ruleIndex, contextWords && !headers.includes(word));
  });
  for (const word of gateWords) add(word, plans.length, false);
  const keywords = [...ids.keys()];
  return {
    index: new KeywordIndex(keywords),
    rulesOf,
    atWordStartOf,
    lengthOf: keywords.map((w) => w.length),
  };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Keyword hits per rule index, flat [start, end, ...] in order of `end`. */
function keywordHits(table: KeywordTable, text: string): Map<number, number[]> {
  const hits = new Map<number, number[]>();
  table.index.forEachMatch(text, (keyword, end) => {
    const start = end - table.lengthOf[keyword]!;
    const inWord = start > 0 && WORD_CHAR.test(text[start - 1]!);
    const rules = table.rulesOf[keyword]!;
    const atWordStart = table.atWordStartOf[keyword]!;
    for (let i = 0; i < rules.length; i++) {
      // A context word counts only at the start of a word (evaluate.ts), so a hit inside one opens no window.
      if (inWord && atWordStart[i]) continue;
      const ruleIndex = rules[i]!;
      const list = hits.get(ruleIndex);
      if (list) list.push(start, end);
      else hits.set(ruleIndex, [start, end]);
    }
  });
  return hits;
}

const severityRank = (hit: Hit) => SEVERITIES.indexOf(hit.severity);

/** Better first: higher severity, then confidence, then the longer (more specific) span, then rule id. */
function compareHits(a: Hit, b: Hit): number {
  return (
    severityRank(b) - severityRank(a) ||
    b.confidence - a.confidence ||
    b.end - b.start - (a.end - a.start) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

/** Overlapping hits of the same category compete; the best one stays. Different categories coexist. */
export function dedupeHits(hits: readonly Hit[]): Hit[] {
  // Kept hits of one category never overlap, so sorted by start only the two neighbours of a newcomer can.
  const keptByCategory = new Map<string, Hit[]>();
  for (const hit of [...hits].sort(compareHits)) {
    const kept = keptByCategory.get(hit.category) ?? [];
    keptByCategory.set(hit.category, kept);
    let low = 0;
    for (let high = kept.length; low < high;) {
      const middle = (low + high) >>> 1;
      if (kept[middle]!.start < hit.start) low = middle + 1;
      else high = middle;
    }
    const before = kept[low - 1];
    const after = kept[low];
    if ((before && before.end > hit.start) || (after && after.start < hit.end)) continue;
    kept.splice(low, 0, hit);
  }
  return [...keptByCategory.values()]
    .flat()
    .sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
}

export function createDetector(rules: readonly CompiledRule[], options: DetectorOptions): Detector {
  const categories = new Set(options.categories ?? ['secret', 'pii', 'phi']);
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  // The PHI pass needs personal identifiers as evidence, so pii rules run whenever phi is asked for.
  const evidence = categories.has('phi') ? new Set([...categories, 'pii']) : categories;
  const prepared = rules
    .filter((r) => evidence.has(r.spec.category))
    .flatMap((r) => (r.spec.lowerCase ? [r, lowerCaseTwin(r)] : [r]))
    .map((r) => prepareRule(r, VALIDATORS));
  const redaction = new Map<string, Redaction>(
    rules.map((r) => [r.spec.id, { mask: r.spec.mask, normalize: r.spec.normalize }]),
  );
  const useKeywords = options.prefilter !== false;
  const plans = prepared.map((p) => planRule(p, minConfidence, useKeywords));
  const scanEncoded = categories.has('secret');
  const table = buildKeywordTable(plans, scanEncoded ? BASE64_WORDS : []);
  const GATE = plans.length;

  /** The rules' hits in `text`, and whether it speaks of base64 (a gate word was found). */
  function runRules(text: string): { hits: Hit[]; speaksOfBase64: boolean } {
    const hits: Hit[] = [];
    let gated = false;
    const keep = (hit: Hit | undefined) => void (hit && hits.push(hit));
    const collect = (p: PreparedRule) => (match: RegExpExecArray) => keep(evaluateMatch(p, text, match));
    const collectCells = (p: PreparedRule) => (cell: ColumnCell) =>
      keep(evaluateValue(p, text, cell.start, cell.end, `column ${cell.header}`));
    const loneLength = standaloneLength(text);
    for (const plan of plans) {
      if (!runsWithoutWords(plan, loneLength)) continue;
      const p = plan.prepared;
      scanWhole(p.rule, text, collect(p));
      if (p.rule.column && !useKeywords) scanColumns(p.rule.column, text, lineStarts(text), collectCells(p));
    }
    if (!useKeywords) return { hits, speaksOfBase64: scanEncoded && speaksOfBase64(text) };
    for (const [ruleIndex, keywordSpans] of keywordHits(table, text)) {
      if (ruleIndex === GATE) {
        gated = true;
        continue;
      }
      const plan = plans[ruleIndex]!;
      const p = plan.prepared;
      if (!runsWithoutWords(plan, loneLength))
        scanWindows(p.rule, text, mergeWindows(keywordSpans, plan.reach, text.length), collect(p));
      // A header line holds a header keyword; spans are flat [start, end, ...], so starts sit at even indices.
      const column = p.rule.column;
      if (column)
        scanColumns(
          column,
          text,
          keywordSpans.filter((_, i) => i % 2 === 0),
          collectCells(p),
        );
    }
    return { hits, speaksOfBase64: gated };
  }

  // Derived hits (the PHI pass) have no rule file; they span an identifier found by a rule, redacted like it.
  function redactionOf(hit: Hit, ruleHits: readonly Hit[]): Redaction {
    const own = redaction.get(hit.ruleId);
    if (own) return own;
    const source = ruleHits.find((h) => h.start === hit.start && h.end === hit.end);
    return (source && redaction.get(source.ruleId)) ?? { mask: 'last4', normalize: 'none' };
  }

  function toFinding(hit: Hit, text: string, ruleHits: readonly Hit[]): Finding {
    const value = hit.decodedValue ?? text.slice(hit.start, hit.end);
    const style = redactionOf(hit, ruleHits);
    return {
      ruleId: hit.ruleId,
      category: hit.category,
      severity: hit.severity,
      confidence: hit.confidence,
      start: hit.start,
      end: hit.end,
      preview: maskValue(value, style.mask),
      fingerprint: fingerprintValue(options.key, value, style.normalize),
      explanation: hit.reasons.join('; '),
    };
  }

  /**
   * Secrets inside base64 runs that decode to text, each spanning the characters that encode it. A run a rule
   * already reports as high or critical as it stands (a Kubernetes Secret's data, a Docker config) keeps that
   * finding alone; under a weaker one (a generic assignment) what is inside competes with it.
   */
  function encodedSecretHits(text: string, plain: readonly Hit[]): Hit[] {
    const reported = plain.filter(
      (h) =>
        h.category === 'secret' &&
        h.confidence >= minConfidence &&
        (h.severity === 'high' || h.severity === 'critical'),
    );
    const unreported = (layer: Base64Layer) =>
      !reported.some((h) => h.start < layer.lines.at(-1)![1] && h.end > layer.lines[0]![0]);
    return base64Layers(text)
      .filter(unreported)
      .flatMap((layer) =>
        runRules(layer.decoded)
          .hits.filter((h) => h.category === 'secret')
          .map((h) => ({
            ...h,
            ...encodedSpan(layer, h.start, h.end),
            reasons: [...h.reasons, 'inside base64'],
            decodedValue: layer.decoded.slice(h.start, h.end),
          })),
      );
  }

  function scanNormalized(text: string): Finding[] {
    const plain = runRules(text);
    const hits = plain.speaksOfBase64 ? [...plain.hits, ...encodedSecretHits(text, plain.hits)] : plain.hits;
    // Only identifiers that are reported themselves are evidence for the PHI pass.
    const trusted = hits.filter((h) => h.confidence >= minConfidence);
    const all = categories.has('phi') ? [...hits, ...derivePhiHits(text, trusted)] : hits;
    const eligible = all.filter((h) => categories.has(h.category) && h.confidence >= minConfidence);
    return dedupeHits(eligible).map((hit) => toFinding(hit, text, hits));
  }

  const models = [...new Set(prepared.flatMap((p) => VALIDATOR_MODELS[p.rule.spec.validator ?? ''] ?? []))];

  return {
    warm: () => warmRecognizers(models),
    // Evasion (zero-width characters, entities, soft hyphens, full-width digits) is undone before the rules run;
    // previews and fingerprints come from the undisguised value, offsets point back into the original text.
    scan(text: string): Finding[] {
      const normalized = normalizeForDetection(text);
      const findings = scanNormalized(normalized.text);
      if (normalized.text === text) return findings;
      return findings.map((f) => ({ ...f, ...mapSpan(normalized.map, f.start, f.end) }));
    },
  };
}
