// Run in a child process with a capped heap by pipeline-limits.test.ts: a ~20 MB storage body with a planted
// value near its start and at its end goes through storageToText and the detection engine with the real rules.
// Prints what was found and the heap that stays reachable afterwards.
import { createDetector } from '../../src/detect/engine.ts';
import { loadRules } from '../../src/detect/load-rules.ts';
import { storageToText } from '../../src/text/storage.ts';

const [maxChars, first, last, rulesDir] = process.argv.slice(2) as [string, string, string, string];
const gc = (globalThis as { gc?: () => void }).gc!;

const unit =
  '<p>Deploy notes for the password rotation runbook, owner <strong>ops</strong>, see OPS-1234.</p>' +
  '<table><tbody><tr><td>user</td><td>svc-deploy</td></tr></tbody></table>' +
  '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[export TOKEN=$VAULT_TOKEN\n]]>' +
  '</ac:plain-text-body></ac:structured-macro>';
const filler = unit.repeat(Math.ceil(20_000_000 / unit.length));
const body = `<p>${first}</p>${filler}<p>${last}</p>`;
/x$/.test(body); // flatten the rope now, so its flat copy is not counted as growth
const detector = createDetector(loadRules(rulesDir), { key: Buffer.alloc(32, 7) });
detector.scan(`${first} ${last}`); // warm-up: compiled regexes and lazily loaded models are not growth

gc();
const before = process.memoryUsage().heapUsed;
const started = performance.now();
const extracted = storageToText(body, { maxChars: Number(maxChars) });
const findings = detector.scan(extracted.text);
const ms = performance.now() - started;
gc();
const heapGrowth = process.memoryUsage().heapUsed - before;
const foundValue = (value: string) =>
  findings.some((f) => {
    const at = extracted.text.indexOf(value);
    return at >= 0 && f.start >= at && f.end <= at + value.length;
  });
console.log(
  JSON.stringify({
    input: body.length,
    output: extracted.text.length,
    truncated: extracted.truncated,
    firstFound: foundValue(first),
    lastFound: foundValue(last),
    heapGrowth,
    ms: Math.round(ms),
  }),
);
