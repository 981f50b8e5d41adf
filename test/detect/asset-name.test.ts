// Content-hashed file names are not credentials: a token-shaped digest glued to a static file's extension gives
// no finding, while the same value anywhere else keeps its finding.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inAssetFileName } from '../../src/detect/asset-name.ts';
import { createDetector } from '../../src/detect/engine.ts';
import { loadRules } from '../../src/detect/load-rules.ts';

const at = (text: string, value: string) => inAssetFileName(text, text.indexOf(value) + value.length);

describe('inAssetFileName', () => {
  it.each([
    ['/static/js/main.4f3a9c0e1b2d7a65.js', '4f3a9c0e1b2d7a65'],
    ['GET /assets/logo-9b1e44c07d2a8f3e6b5c1d0a7e9f2b4c.png 200', 'logo-9b1e44c07d2a8f3e6b5c1d0a7e9f2b4c'],
    ['vendor.a1b2c3d4e5f60718.min.js', 'a1b2c3d4e5f60718'],
    ['<link href="/application-0d2f7c9e1a3b5d7f9e1c3a5b7d9f1e3c.CSS">', '0d2f7c9e1a3b5d7f9e1c3a5b7d9f1e3c'],
    ['font-6c8e0a2b4d6f8a0c.woff2)', '6c8e0a2b4d6f8a0c'],
  ])('%s: a file name', (text, value) => {
    expect(at(text, value)).toBe(true);
  });

  it.each([
    ['token=4f3a9c0e1b2d7a65.', '4f3a9c0e1b2d7a65', 'a full stop ends the sentence'],
    ['key 4f3a9c0e1b2d7a65.json_backup', '4f3a9c0e1b2d7a65', 'an extension that goes on'],
    ['secret: 4f3a9c0e1b2d7a65 .png', '4f3a9c0e1b2d7a65', 'a space before the extension'],
    ['api.example.com/4f3a9c0e1b2d7a65.jsonp', '4f3a9c0e1b2d7a65', 'not a static extension'],
  ])('%s: not a file name (%s)', (text, value) => {
    expect(at(text, value)).toBe(false);
  });
});

describe('the engine, on a vendor-shaped digest', () => {
  const detector = createDetector(loadRules(fileURLToPath(new URL('../../rules', import.meta.url))), {
    key: Buffer.alloc(32, 3),
  });
  const token = 'ghp_R8kq2Zt0VbN3xW7yLm4pQs9aC1dE5fGhJ6uT';
  const github = (text: string) => detector.scan(text).filter((f) => f.ruleId.startsWith('github'));

  it('reports it in an assignment', () => {
    expect(github(`GITHUB_TOKEN=${token}`)).not.toEqual([]);
  });

  it('reports nothing when it is a file name on a static host', () => {
    expect(github(`GET https://cdn.acme.test/img/${token}.png 304`)).toEqual([]);
  });
});
