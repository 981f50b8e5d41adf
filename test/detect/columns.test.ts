// Column-reading rules: the MRN rule finds values in the column its header names (CSV, TSV, Markdown), and
// nothing under other headers, after the table ends, or under a label that only looks like a header.
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../src/detect/engine.ts';
import { loadRules } from '../../src/detect/load-rules.ts';
import { headerKeywords } from '../../src/detect/columns.ts';

const rules = loadRules();
const key = Buffer.alloc(32, 3);
const detectors = [
  ['with the keyword prefilter', createDetector(rules, { key, categories: ['phi'] })],
  ['without it', createDetector(rules, { key, categories: ['phi'], prefilter: false })],
] as const;

const mrnValues = (scan: (text: string) => { ruleId: string; start: number; end: number }[], text: string) =>
  scan(text)
    .filter((f) => f.ruleId === 'medical-record-number')
    .map((f) => text.slice(f.start, f.end));

// Values are random digits in the rule's documented shape, names invented.
const CASES: [string, string, string[]][] = [
  [
    'CSV header',
    'patient_name,mrn,visit_date\nAda Quill,40917352,2025-02-11\nBo Lind,HX-7730152,2025-02-12',
    ['40917352', 'HX-7730152'],
  ],
  ['TSV, mixed-case header', 'Name\tPatient_ID\tWard\nAda Quill\t5510293\t4B', ['5510293']],
  ['semicolon CSV, quoted cells', '"name";"Medical Record Number"\n"Ada Quill";"0048291377"', ['0048291377']],
  [
    'Markdown table',
    '| Name | MRN |\n|---|---|\n| Ada Quill | 73301948 |\n| Bo Lind | 66120473 |',
    ['73301948', '66120473'],
  ],
  ['CRLF line ends', 'name,mrn\r\nAda Quill,40917352\r\n', ['40917352']],
  ['table ends at a blank line', 'name,mrn\nAda Quill,40917352\n\nbuild,42\nnightly,88120345', ['40917352']],
  ['an id column', 'id,name,created\n40917352,nightly-build,2025-02-11', []],
  ['a header that only starts like one', 'mrn_hash,visit_date\n40917352,2025-02-11', []],
  ['cells that are not record numbers', 'patient_name,mrn\nAda Quill,pending\nBo Lind,1234', []],
  [
    'prose with commas around the label',
    'We checked the MRN, the ward, and the bed.\nThen 40917352, 12, and 3 were logged.',
    [],
  ],
];

describe('column-reading rules', () => {
  describe.each(detectors)('%s', (_, detector) => {
    it.each(CASES)('%s', (_name, text, expected) => {
      expect(mrnValues((t) => detector.scan(t), text)).toEqual(expected);
    });
  });

  it.each([
    ['patient id', ['patientid', 'patient_id', 'patient-id', 'patient id']],
    ['mrn', ['mrn']],
  ])('header "%s" is found by the keyword prefilter as %j', (header, forms) => {
    expect(headerKeywords({ headers: [header], value: '\\d+' })).toEqual(forms);
  });
});
