import type { Hit } from './hit.ts';
import { healthTermMatcher } from './health-terms.ts';

/**
 * The health-context detector. It has no regex of its own, so it is not a rule file: the engine calls
 * derivePhiHits after the rule pass and reports its hits under PHI_HEALTH_CONTEXT (title for `rules list`).
 *
 * HIPAA treats health information as PHI when it is tied to an individual. So a hit is emitted only when one
 * field holds both (a) health information: a term from rules/lists/health-terms.txt or an ICD-10-CM hit, and
 * (b) a personal identifier: a pii hit (email, phone, SSN, date of birth, address, national id...), a
 * patient-identifying phi hit (MRN, member id, MBI), or a name in patient context ("Patient: Jane Roe").
 * One hit per identifier, spanning the identifier. IP addresses identify devices, not patients, and are left out.
 */
export const PHI_HEALTH_CONTEXT = {
  ruleId: 'phi-health-context',
  title: 'Health information and a personal identifier in the same field',
  category: 'phi',
  severity: 'high',
  confidence: 0.85,
} as const;

const PATIENT_PHI_RULES = new Set(['medical-record-number', 'health-plan-member-id', 'medicare-mbi']);
const DEVICE_RULES = new Set(['ipv4-public', 'ipv6-public']);
const CLINICAL_CODE_RULES = new Set(['icd10-cm']);

// "patient John Smith", "Patient: Jane Roe", "patient name - Mr. Ali Khan": two or three capitalised words.
const PATIENT_NAME =
  /\b[Pp]atient(?:'s)?(?: [Nn]ame)?(?: ?[:-] ?| )(?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?(\p{Lu}[\p{Ll}'-]{1,30}(?: \p{Lu}[\p{Ll}'-]{1,30}){1,2})(?![\p{L}\p{N}])/gu;
// Capitalised words that follow "patient" in product and UI text, not names.
const NOT_NAMES = new Set(
  'Portal Record Records Data Safety Care Management Services Service Information Id Name Number Chart List Search Table Admin Access Intake Flow'.split(
    ' ',
  ),
);

interface Identifier {
  start: number;
  end: number;
  kind: string;
  confidence: number;
}

function patientNames(text: string): Identifier[] {
  const names: Identifier[] = [];
  // Most fields never mention a patient; a plain substring test is far cheaper than the Unicode regex.
  if (!text.includes('atient')) return names;
  for (const m of text.matchAll(PATIENT_NAME)) {
    const name = m[1] ?? '';
    if (NOT_NAMES.has(name.split(' ')[0] ?? '')) continue;
    const start = m.index + m[0].length - name.length;
    names.push({ start, end: start + name.length, kind: 'patient name', confidence: 0.8 });
  }
  return names;
}

function identifiersIn(text: string, hits: readonly Hit[]): Identifier[] {
  const fromHits = hits
    .filter((h) => (h.category === 'pii' && !DEVICE_RULES.has(h.ruleId)) || PATIENT_PHI_RULES.has(h.ruleId))
    .map((h) => ({ start: h.start, end: h.end, kind: h.ruleId, confidence: h.confidence }));
  return [...fromHits, ...patientNames(text)];
}

export function derivePhiHits(text: string, hits: readonly Hit[]): Hit[] {
  const identifiers = identifiersIn(text, hits);
  if (identifiers.length === 0) return [];
  const evidence = healthTermMatcher()
    .find(text)
    .map((term) => `health term: ${term}`);
  if (hits.some((h) => CLINICAL_CODE_RULES.has(h.ruleId))) evidence.push('clinical code: icd10-cm');
  if (evidence.length === 0) return [];
  return identifiers.map((id) => ({
    ruleId: PHI_HEALTH_CONTEXT.ruleId,
    category: PHI_HEALTH_CONTEXT.category,
    severity: PHI_HEALTH_CONTEXT.severity,
    confidence: Math.max(PHI_HEALTH_CONTEXT.confidence, id.confidence),
    start: id.start,
    end: id.end,
    reasons: [...evidence, `identifier: ${id.kind}`],
  }));
}
