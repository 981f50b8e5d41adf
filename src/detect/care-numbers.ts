// Numbers that identify a patient or reach a person, in a clinical passage: phone, pager and extension
// numbers, and record, account and bed numbers after their label. The phone rules under rules/pii keep
// their own findings wherever they match; inside a clinical passage these looser shapes (a number with a
// fictional exchange, a bare pager number after "pager") are identifiers too.
import type { Passage } from './clinical.ts';
import type { Identifier } from './identifier.ts';

// Each pattern's group 1 is the identifier; a label before it, when there is one, stays outside the span.
const PATTERNS: readonly { kind: string; cue: string; regex: RegExp }[] = [
  {
    kind: 'phone number',
    cue: 'North American format',
    regex: /(?<!\d)((?:\+?1[ .-]?)?(?:\(\d{3}\) ?|\d{3}(?: ?[.-] ?| ))\d{3}(?: ?[.-] ?| )\d{4})(?!\d)/dg,
  },
  {
    kind: 'phone number',
    cue: 'label',
    regex:
      /\b(?:pager|beeper|page|ext|extension|phone|tel|cell|x)\.?(?: ?#| number| no\.?)?:? ?(\d{4,7})\b/dgi,
  },
  {
    kind: 'record number',
    cue: 'label',
    regex:
      /\b(?:mrn|mr#|medical record(?: number| no\.?)?|acct|account(?: number| no\.?)?|encounter|visit|claim|ref|reference)(?: ?#| number| no\.?)?:? ?(\d[\d-]{3,14}\d)\b/dgi,
  },
  { kind: 'bed number', cue: 'label', regex: /\bbed(?: ?#| no\.?)?:? ?(\d{1,3}[a-z]?)\b/dgi },
];

export function careNumbers(text: string, passages: readonly Passage[]): Identifier[] {
  const found: Identifier[] = [];
  for (const { start, end } of passages) {
    const passage = text.slice(start, end);
    for (const { kind, cue, regex } of PATTERNS) {
      for (const m of passage.matchAll(regex)) {
        const [from, to] = m.indices![1]!;
        found.push({ start: start + from, end: start + to, kind, cue });
      }
    }
  }
  return found;
}
