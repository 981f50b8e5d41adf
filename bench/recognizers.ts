// What @microsoft/recognizers-text contributes to phone detection, and what one window costs.
// For every phone rule: candidates from the rule's regex on labelled positives (src/synth phone kinds) and on
// benign engineering text, judged by libphonenumber alone and by libphonenumber + the recognizers-text phone
// model (score >= 0.5 on a <=200-character window). Context words are left out on purpose: this isolates
// the validators. Then the cost per window of each model, and its cold start.
import type { CountryCode } from 'libphonenumber-js/max';
import { loadRules } from '../src/detect/load-rules.ts';
import {
  MAX_WINDOW,
  resolvedDates,
  phoneScore,
  recognizeAround,
  warmRecognizers,
  type RecognizerKind,
} from '../src/detect/recognizers.ts';
import { isValidPhone } from '../src/detect/validators/phone.ts';
import { createRng } from '../src/synth/rng.ts';
import { SENSITIVE_KINDS } from '../src/synth/sensitive.ts';
import { benignCorpus, MB, totalChars } from './corpus.ts';
import { median, pct, showSpread, table } from './bench-format.ts';

const PHONE_RULES: Record<string, CountryCode | undefined> = {
  'phone-international': undefined,
  'phone-north-america': 'US',
  'phone-uk': 'GB',
  'phone-germany': 'DE',
  'phone-france': 'FR',
  'phone-india': 'IN',
};

interface Tally {
  found: number;
  withRecognizer: number;
}

/** Whether any candidate of the rules passes libphonenumber, and whether one also passes the recognizer. */
function judge(text: string, rules: readonly { pattern: RegExp; region: CountryCode | undefined }[]): Tally {
  let found = 0;
  let withRecognizer = 0;
  for (const { pattern, region } of rules) {
    for (const m of text.matchAll(pattern)) {
      const [start, end] = m.indices![1]!;
      if (!isValidPhone(m[1]!, region)) continue;
      found = 1;
      if (phoneScore(text, start, end) >= 0.5) withRecognizer = 1;
    }
  }
  return { found, withRecognizer };
}

const coldStart = performance.now();
warmRecognizers();
const coldMs = performance.now() - coldStart;

const rules = loadRules()
  .filter((r) => r.spec.id in PHONE_RULES)
  .map((r) => ({ id: r.spec.id, pattern: r.pattern, region: PHONE_RULES[r.spec.id] }));

const rng = createRng(41);
const rows: string[][] = [];
for (const kind of SENSITIVE_KINDS.filter((k) => k.family === 'phone')) {
  const applicable = rules.filter((r) => kind.ruleIds.includes(r.id));
  const tallies = Array.from({ length: 200 }, () => judge(`Reporter: ${kind.generate(rng)}`, applicable));
  const found = tallies.reduce((s, t) => s + t.found, 0);
  const kept = tallies.reduce((s, t) => s + t.withRecognizer, 0);
  rows.push([kind.kind, pct(found, tallies.length), pct(kept, tallies.length)]);
}
console.log('Phone recall on 200 synthetic numbers per format (regex candidates, no context words)');
console.log(table(['format', 'libphonenumber', '+ recognizers-text'], rows));

const benign = benignCorpus(2, 2_000_000);
const benignMb = totalChars(benign) / MB;
const fpRows = rules.map((rule) => {
  let found = 0;
  let kept = 0;
  for (const doc of benign) {
    const t = judge(doc.text, [rule]);
    found += t.found;
    kept += t.withRecognizer;
  }
  return [rule.id, (found / benignMb).toFixed(2), (kept / benignMb).toFixed(2)];
});
console.log(
  `\nFalse positives per MB on ${benignMb.toFixed(1)} MB of benign engineering text (documents with a candidate)`,
);
console.log(table(['rule', 'libphonenumber', '+ recognizers-text'], fpRows));

const sample =
  'Customer Jane asked for a callback on +44 20 7946 0958 about the invoice from 3 May 1990, mail j.r@korvo-mail.se, 81.214.37.190, https://korvo-mail.se/a';
const spans: Record<RecognizerKind, string> = {
  phone: '+44 20 7946 0958',
  datetime: '3 May 1990',
  email: 'j.r@korvo-mail.se',
  ip: '81.214.37.190',
  url: 'https://korvo-mail.se/a',
};
const BATCHES = 5;

/** Microseconds per call of `run`: the median of 200 calls, in each of BATCHES batches; their median and range. */
function medianMicros(run: () => unknown): string {
  const batch = () => {
    const times = Array.from({ length: 200 }, () => {
      const t0 = performance.now();
      run();
      return performance.now() - t0;
    });
    return median(times) * 1000;
  };
  return showSpread(Array.from({ length: BATCHES }, batch), 0, ' µs');
}

const at = (value: string): [number, number] => [sample.indexOf(value), sample.indexOf(value) + value.length];
const costRows = Object.entries(spans).map(([kind, value]) => [
  kind,
  medianMicros(() => recognizeAround(kind as RecognizerKind, sample, ...at(value))),
]);
costRows.push([
  'datetime, date-of-birth window',
  medianMicros(() => resolvedDates(sample, ...at(spans.datetime))),
]);
console.log(
  `\nCost per window (<= ${MAX_WINDOW} characters; median of 200 calls, median and range of ${BATCHES} batches; cold start of all models ${coldMs.toFixed(0)} ms)`,
);
console.log(table(['model', 'per window'], costRows));
