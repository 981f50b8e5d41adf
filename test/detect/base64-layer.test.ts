// Secrets wrapped in base64 are found, reported on the characters that encode them and fingerprinted like the
// plain value; binary payloads, paths and texts that never speak of base64 are left alone.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64Layers, encodedSpan, speaksOfBase64 } from '../../src/detect/base64-layer.ts';
import { createDetector } from '../../src/detect/engine.ts';
import { loadRules } from '../../src/detect/load-rules.ts';

const ENV = 'AWS_ACCESS_KEY_ID=AKIAQ3EGUZ7RB4KXN2VP\nDB_PASSWORD=Xk9mQ2vLp7Rs!\n';
const encoded = Buffer.from(ENV).toString('base64');
const detector = createDetector(loadRules(), { key: randomBytes(32) });

describe('base64Layers', () => {
  it('decodes a run of base64 text in a text that speaks of base64', () => {
    const text = `echo ${encoded} | base64 -d > .env`;
    expect(base64Layers(text)).toEqual([{ lines: [[5, 5 + encoded.length]], decoded: ENV }]);
  });

  it.each([
    ['the URL-safe alphabet', Buffer.from(`${ENV}??>>`).toString('base64url')],
    ['padding', Buffer.from(`${ENV}x`).toString('base64')],
  ])('reads %s', (_, run) => {
    expect(base64Layers(`base64: ${run}`).map((l) => l.decoded.startsWith('AWS_ACCESS_KEY_ID='))).toEqual([
      true,
    ]);
  });

  it.each([
    ['base64 -d', true],
    ['atob(blob)', true],
    ['kind: Secret', true],
    ['a .dockerconfigjson', true],
    ['echo blob > .env', false],
    ['#import "TiBase64.h"', false],
    ['data:image/png;base64,iVBORw0KGgo', false],
  ])('%s speaks of base64: %s', (text, expected) => {
    expect(speaksOfBase64(text)).toBe(expected);
  });

  it.each([
    ['binary data', `base64: ${randomBytes(96).toString('base64')}`],
    ['a path', 'base64 tool at /Users/dev/Library/Developer/Xcode/DerivedData/App/Build/Products/x'],
    ['a run cut short of a whole quad', `base64: ${encoded.slice(0, -1)}`],
    ['letters only', `base64: ${'abcdefgh'.repeat(6)}`],
  ])('leaves %s alone', (_, text) => {
    expect(base64Layers(text)).toEqual([]);
  });

  it('maps decoded offsets to whole quads of the run, across its lines', () => {
    const layer = { lines: [[10, 50] as const, [51, 71] as const], decoded: 'x'.repeat(45) };
    expect(encodedSpan(layer, 0, 3)).toEqual({ start: 10, end: 14 });
    expect(encodedSpan(layer, 4, 8)).toEqual({ start: 14, end: 22 });
    expect(encodedSpan(layer, 28, 30)).toEqual({ start: 46, end: 50 });
    expect(encodedSpan(layer, 30, 33)).toEqual({ start: 51, end: 55 });
    expect(encodedSpan(layer, 27, 36)).toEqual({ start: 46, end: 59 });
  });

  it('follows a run the base64 tool wrapped at 76 columns (LF or CRLF)', () => {
    const long = `${ENV}STRIPE_KEY=sk_live_${'Tq8vZ2mKx5rW7pLn3Bc9'.repeat(3)}\n`;
    const wrapped = Buffer.from(long).toString('base64').replace(/.{76}/g, '$&\n');
    for (const lineEnd of ['\n', '\r\n']) {
      const layers = base64Layers(`base64 -d <<EOF\n${wrapped.replace(/\n/g, lineEnd)}\nEOF`);
      expect(layers.map((l) => [l.decoded, l.lines.length])).toEqual([[long, wrapped.split('\n').length]]);
    }
  });
});

describe('secrets inside base64', () => {
  it('are looked for only in a text that speaks of base64', () => {
    expect(detector.scan(`echo ${encoded} > .env`).filter((f) => f.category === 'secret')).toEqual([]);
  });

  it('are found alike with and without the keyword prefilter', () => {
    const plain = createDetector(loadRules(), { key: Buffer.alloc(32, 1) });
    const unfiltered = createDetector(loadRules(), { key: Buffer.alloc(32, 1), prefilter: false });
    const text = `echo ${encoded} | base64 -d > .env`;
    expect(unfiltered.scan(text)).toEqual(plain.scan(text));
    expect(plain.scan(text).length).toBeGreaterThan(0);
  });

  it('are each reported on the characters that encode them, fingerprinted like the plain value', () => {
    const text = `Config for the runner, base64-encoded: ${encoded}`;
    const found = detector.scan(text).filter((f) => f.category === 'secret');
    expect(found.map((f) => f.ruleId)).toEqual(['aws-access-key-id', 'generic-password-assignment']);
    for (const f of found) {
      expect(f.explanation).toContain('inside base64');
      const decoded = Buffer.from(text.slice(f.start, f.end), 'base64').toString('latin1');
      expect(decoded).toMatch(f.ruleId === 'aws-access-key-id' ? /AKIAQ3EGUZ7RB4KXN2VP/ : /Xk9mQ2vLp7Rs!/);
      expect(f.preview).not.toContain('Q3EGUZ7RB4KXN2');
    }
    const plain = detector.scan(ENV).find((f) => f.ruleId === 'aws-access-key-id')!;
    expect(found[0]!.fingerprint).toBe(plain.fingerprint);
  });

  it('are found across the lines of a wrapped run, spanning them', () => {
    const key = `sk_live_${'Tq8vZ2mKx5rW7pLn3Bc9'.repeat(5)}`;
    const wrapped = Buffer.from(`# billing\nSTRIPE_SECRET_KEY=${key}\n`)
      .toString('base64')
      .replace(/.{76}/g, '$&\n');
    const text = `decode with base64 -d:\n${wrapped}`;
    const found = detector.scan(text).find((f) => f.ruleId === 'stripe-secret-key')!;
    expect(text.slice(found.start, found.end)).toContain('\n');
    const decoded = Buffer.from(text.slice(found.start, found.end).replace(/\n/g, ''), 'base64').toString(
      'latin1',
    );
    expect(decoded).toContain(key.slice(4, -4));
    expect(found.fingerprint).toBe(
      detector.scan(key).find((f) => f.ruleId === 'stripe-secret-key')!.fingerprint,
    );
  });
});
