import type { Hit } from './hit.ts';
import { healthContext, mergePassages, type HealthContext, type Passage } from './clinical.ts';
import { longerFirst, nonOverlapping, type Identifier } from './identifier.ts';
import { careDates } from './care-dates.ts';
import { careNumbers } from './care-numbers.ts';
import { carePlaces } from './care-places.ts';
import { personNames } from './names.ts';

/**
 * The PHI pass. It has no regex of its own, so it is not a rule file: the engine calls derivePhiHits after the
 * rule pass and reports its hits under PHI_HEALTH_CONTEXT (title for `rules list`).
 *
 * HIPAA treats health information as PHI when it is tied to an individual, so a hit needs both, and spans the
 * identifier (one hit per identifier):
 * - an identifier a rule found (e-mail, phone, SSN, date of birth, MRN, member id, MBI...) or a name after
 *   "patient", with health information anywhere in the field: one specific clinical term or an ICD-10 code;
 * - any identifier the recognisers find (person names, dates of care, ages over 89...) inside a clinical
 *   passage (clinical.ts: a density of clinical vocabulary). The recognisers run only there, so engineering
 *   text pays for the vocabulary pass alone.
 * IP addresses identify devices, not patients, and are left out.
 */
export const PHI_HEALTH_CONTEXT = {
  ruleId: 'phi-health-context',
  title: 'Health information and a personal identifier in the same field',
  category: 'phi',
  severity: 'high',
  confidence: 0.85,
} as const;

const PATIENT_PHI_RULES = new Set(['medical-record-number', 'health-plan-member-id', 'medicare-mbi']);
const DEVICE_RULES = new Set(['ipv4-public', 'ipv6-public', 'mac-address']);
const CLINICAL_CODE_RULES = new Set(['icd10-cm']);
const RULE_CUE = 'rule';
/** Terms named in an explanation; the count says how many there were. */
const TERMS_SHOWN = 3;

interface Evidence extends Identifier {
  confidence: number;
}

/** Characters read after "patient" for the name it introduces, and before it to tell the letter case. */
const PATIENT_REACH = 60;
const CASE_REACH = 200;
const PATIENT_CUE = /\b(?:patient|pt)(?:['’]s)?\b/gi;

function fromRules(hits: readonly Hit[]): Evidence[] {
  return hits
    .filter((h) => (h.category === 'pii' && !DEVICE_RULES.has(h.ruleId)) || PATIENT_PHI_RULES.has(h.ruleId))
    .map((h) => ({ start: h.start, end: h.end, kind: h.ruleId, cue: RULE_CUE, confidence: h.confidence }));
}

const withConfidence = (ids: readonly Identifier[]): Evidence[] =>
  ids.map((id) => ({ ...id, confidence: PHI_HEALTH_CONTEXT.confidence }));

/** Every recogniser, inside the clinical passages only. */
function inPassages(text: string, passages: readonly Passage[]): Evidence[] {
  if (passages.length === 0) return [];
  return withConfidence([
    ...personNames(text, passages),
    ...careDates(text, passages),
    ...carePlaces(text, passages),
    ...careNumbers(text, passages),
  ]);
}

/**
 * Names right after "patient" outside the clinical passages (inside, the passages' reading finds them): the
 * cue says whose health information it is, so one health term anywhere in the field is enough.
 */
function patientNames(text: string, passages: readonly Passage[]): Evidence[] {
  const outside = [...text.matchAll(PATIENT_CUE)].filter(
    (m) => !passages.some((p) => p.start <= m.index && m.index < p.end),
  );
  if (outside.length === 0) return [];
  const windows = mergePassages(
    outside.map((m) => ({
      start: Math.max(0, m.index - CASE_REACH),
      end: Math.min(text.length, m.index + m[0].length + PATIENT_REACH),
    })),
  );
  return withConfidence(personNames(text, windows).filter((id) => id.kind === 'patient name'));
}

function contextReasons(context: HealthContext, coded: boolean): string[] {
  const reasons: string[] = [];
  const { terms } = context;
  if (terms.length > 0) {
    const shown = terms.slice(0, TERMS_SHOWN).join(', ') + (terms.length > TERMS_SHOWN ? '...' : '');
    reasons.push(`health context: ${terms.length} clinical term${terms.length === 1 ? '' : 's'} (${shown})`);
  }
  if (coded) reasons.push('clinical code: icd10-cm');
  return reasons;
}

export function derivePhiHits(text: string, hits: readonly Hit[]): Hit[] {
  const context = healthContext(text);
  const coded = hits.some((h) => CLINICAL_CODE_RULES.has(h.ruleId));
  if (!context.specific && !coded) return [];
  const { passages } = context;
  // One finding per identifier: where recognisers overlap ("St. Agnes" the place, "Agnes" the name), a rule's
  // finding first, then the longer span.
  const identifiers = nonOverlapping(
    [...fromRules(hits), ...patientNames(text, passages), ...inPassages(text, passages)],
    (a, b) => Number(a.cue !== RULE_CUE) - Number(b.cue !== RULE_CUE) || longerFirst(a, b),
  );
  const reasons = contextReasons(context, coded);
  return identifiers.map((id) => ({
    ruleId: PHI_HEALTH_CONTEXT.ruleId,
    category: PHI_HEALTH_CONTEXT.category,
    severity: PHI_HEALTH_CONTEXT.severity,
    confidence: Math.max(PHI_HEALTH_CONTEXT.confidence, id.confidence),
    start: id.start,
    end: id.end,
    reasons: [...reasons, `identifier: ${id.kind} (${id.cue})`],
  }));
}
