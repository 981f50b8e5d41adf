// npm run bench:text — throughput of text extraction and normalisation on seeded documents, each against a peer
// measured in the same run: storage against htmlparser2's Parser (the straightforward use of the same library),
// ADF against JSON.stringify of the same document (a floor: any walk must at least visit every node), and
// normalisation against String#normalize('NFKC') (which folds full-width forms but keeps zero-width characters).
import { Parser } from 'htmlparser2';
import { adfToText } from '../src/text/adf.ts';
import { normalizeForDetection } from '../src/text/normalize.ts';
import { storageToText } from '../src/text/storage.ts';
import { benignBlock, benignParagraph } from '../src/synth/benign.ts';
import { createRng, type Rng } from '../src/synth/rng.ts';
import { median, showSpread, table } from './bench-format.ts';

const TARGET_CHARS = 20_000_000;
const RUNS = 5;
const MB = 1_000_000;

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function storageBlock(rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.5)
    return `<p>${escapeXml(benignParagraph(rng))} <a href="https://wiki.test/x?a=1&amp;b=2">link</a></p>`;
  if (roll < 0.75) {
    return (
      '<ac:structured-macro ac:name="code" ac:schema-version="1"><ac:parameter ac:name="language">bash</ac:parameter>' +
      `<ac:plain-text-body><![CDATA[${benignBlock(rng)}]]></ac:plain-text-body></ac:structured-macro>`
    );
  }
  const cells = Array.from(
    { length: 3 },
    () => `<td><p>${escapeXml(benignParagraph(rng).slice(0, 60))}</p></td>`,
  );
  return `<table><tbody><tr>${cells.join('')}</tr></tbody></table>`;
}

function storageCorpus(rng: Rng): string {
  const parts: string[] = [];
  let length = 0;
  while (length < TARGET_CHARS) {
    const block = storageBlock(rng);
    parts.push(block);
    length += block.length;
  }
  return parts.join('');
}

function adfBlock(rng: Rng): unknown {
  const roll = rng.next();
  const text = (value: string, marks?: unknown[]) => ({ type: 'text', text: value, ...(marks && { marks }) });
  if (roll < 0.5) {
    const link = [{ type: 'link', attrs: { href: 'https://jira.test/browse/ENG-1' } }];
    return { type: 'paragraph', content: [text(benignParagraph(rng)), text(' ENG-1', link)] };
  }
  if (roll < 0.75)
    return { type: 'codeBlock', attrs: { language: 'bash' }, content: [text(benignBlock(rng))] };
  const cell = () => ({
    type: 'tableCell',
    content: [{ type: 'paragraph', content: [text(benignParagraph(rng).slice(0, 60))] }],
  });
  return { type: 'table', content: [{ type: 'tableRow', content: [cell(), cell(), cell()] }] };
}

function adfCorpus(rng: Rng): { doc: unknown; jsonChars: number } {
  const content: unknown[] = [];
  let jsonChars = 0;
  while (jsonChars < TARGET_CHARS) {
    const block = adfBlock(rng);
    content.push(block);
    jsonChars += JSON.stringify(block).length;
  }
  return { doc: { type: 'doc', version: 1, content }, jsonChars };
}

/** Plain text in which one character in fifty is a zero-width, NBSP, full-width or entity disguise. */
function disguisedText(rng: Rng, plain: string): string {
  const tricks = ['\u200B', '\u00AD', '\u00A0', '\uFF11', '&amp;', '&#x41;'];
  const out: string[] = [];
  for (let i = 0; i < plain.length; i += 50) out.push(plain.slice(i, i + 50), rng.pick(tricks));
  return out.join('');
}

function htmlparser2Peer(xhtml: string): number {
  let chars = 0;
  const parser = new Parser({ ontext: (text) => void (chars += text.length) }, { recognizeCDATA: true });
  parser.end(xhtml);
  return chars;
}

/** CPU seconds rather than wall time: the machine is shared, and every scenario here is single-threaded. */
function cpuSeconds(run: () => unknown): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

/** MB per CPU-second of each run. */
function mbPerSecond(sizeChars: number, run: () => unknown): number[] {
  return Array.from({ length: RUNS }, () => sizeChars / MB / cpuSeconds(run));
}

const rng = createRng(7).fork('bench-text');
const storage = storageCorpus(rng.fork('storage'));
const { doc, jsonChars } = adfCorpus(rng.fork('adf'));
const plain = storageToText(storage, { maxChars: TARGET_CHARS * 2 }).text;
const disguised = disguisedText(rng.fork('disguise'), plain);

const rows: [string, number, number[], number[], string][] = [
  [
    'storage XHTML -> text',
    storage.length,
    mbPerSecond(storage.length, () => storageToText(storage, { maxChars: TARGET_CHARS * 2 })),
    mbPerSecond(storage.length, () => htmlparser2Peer(storage)),
    'htmlparser2 Parser',
  ],
  [
    'ADF object -> text',
    jsonChars,
    mbPerSecond(jsonChars, () => adfToText(doc, { maxChars: TARGET_CHARS * 2 })),
    mbPerSecond(jsonChars, () => JSON.stringify(doc)),
    'JSON.stringify',
  ],
  [
    'normalise, nothing to do',
    plain.length,
    mbPerSecond(plain.length, () => normalizeForDetection(plain)),
    mbPerSecond(plain.length, () => plain.normalize('NFKC')),
    "normalize('NFKC')",
  ],
  [
    'normalise, 2% disguised',
    disguised.length,
    mbPerSecond(disguised.length, () => normalizeForDetection(disguised)),
    mbPerSecond(disguised.length, () => disguised.normalize('NFKC')),
    "normalize('NFKC')",
  ],
];

console.log(
  `Text extraction on generated inputs, MB per CPU-second: median (range) of ${RUNS} runs (MB = million UTF-16 code units of input; ADF measured by its JSON size)\n`,
);
console.log(
  table(
    ['scenario', 'input MB', 'MB/s', 'peer MB/s', 'ratio (medians)', 'peer'],
    rows.map(([name, size, ours, peer, peerName]) => [
      name,
      (size / MB).toFixed(1),
      showSpread(ours, 0),
      showSpread(peer, 0),
      `${(median(ours) / median(peer)).toFixed(2)}x`,
      peerName,
    ]),
  ),
);
