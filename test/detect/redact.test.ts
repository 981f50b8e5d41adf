import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import {
  defaultKeyPath,
  fingerprintValue,
  loadOrCreateKey,
  maskValue,
  normalizeValue,
} from '../../src/detect/redact.ts';
import type { MaskStyle } from '../../src/detect/rule-schema.ts';

const visible = (preview: string) => preview.replace(/[*•\s-]/g, '').length;

describe('maskValue', () => {
  it.each<[string, MaskStyle, string]>([
    ['AKIAQ3EGRV7TZJ4WXYZK', 'edges', 'AKI**************YZK'],
    ['tok_Zk3m9QpL2vX8bN4cR7tY1wE6', 'edges', 'tok_********************1wE6'],
    ['abc12', 'edges', '*****'],
    [`ATATT3x${'Fq9'.repeat(60)}8ACF`, 'edges', `ATAT${'*'.repeat(20)}8ACF`],
    ['4111 2222 3333 0004', 'last4', '•••• •••• •••• 0004'],
    ['5500-0000-0000-0004', 'last4', '••••-••••-••••-0004'],
    ['078-05-1120', 'last4', '•••-••-•120'],
    ['jane.roe@example-mail.com', 'email', 'j•••@e•••.com'],
    ['jo@ab.io', 'email', '•••@•••.io'],
    ['hunter22', 'full', '••••••••'],
  ])('%s as %s -> %s', (value, style, preview) => {
    expect(maskValue(value, style)).toBe(preview);
  });

  it.each<MaskStyle>(['edges', 'last4'])(
    '%s never shows more than 8 characters nor a third of the value',
    (style) => {
      for (let length = 1; length <= 80; length++) {
        const value = 'Ab3'.repeat(27).slice(0, length);
        const shown = visible(maskValue(value, style));
        expect(shown).toBeLessThanOrEqual(Math.min(8, Math.floor(length / 3)));
      }
    },
  );
});

describe('fingerprints', () => {
  const key = Buffer.alloc(32, 7);
  const otherKey = Buffer.alloc(32, 8);

  it.each([
    ['4111 2222 3333 0004', '4111222233330004', 'digits'],
    ['GB82 WEST 1234', 'gb82west1234', 'alnum'],
    ['Jane.Roe@Mail.Example', 'jane.roe@mail.example', 'lower'],
    ['As-Is', 'As-Is', 'none'],
  ] as const)('normalises %s to %s (%s)', (value, normal, normalization) => {
    expect(normalizeValue(value, normalization)).toBe(normal);
    expect(fingerprintValue(key, value, normalization)).toBe(fingerprintValue(key, normal, 'none'));
  });

  it('is stable for one key, different across keys, and never the plain value or its plain hash', () => {
    const a = fingerprintValue(key, '078-05-1120', 'digits');
    expect(fingerprintValue(key, '078051120', 'digits')).toBe(a);
    expect(fingerprintValue(otherKey, '078-05-1120', 'digits')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toContain('078051120');
  });
});

describe('loadOrCreateKey', () => {
  const dir = mkdtempSync(join(tmpdir(), 'exposure-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates 32 random bytes owner-only in an owner-only directory, then reads the same key', () => {
    const path = join(dir, 'nested', 'fingerprint.key');
    const key = loadOrCreateKey(path);
    expect(key).toHaveLength(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'nested')).mode & 0o777).toBe(0o700);
    expect(loadOrCreateKey(path).equals(key)).toBe(true);
  });

  it.each([0o640, 0o604, 0o644])('refuses a key file with mode %o', (mode) => {
    const path = join(dir, `open-${mode.toString(8)}.key`);
    writeFileSync(path, Buffer.alloc(32, 1));
    chmodSync(path, mode);
    expect(() => loadOrCreateKey(path)).toThrow(ConfigError);
    expect(() => loadOrCreateKey(path)).toThrow(/readable by others/);
  });

  it('refuses a key of the wrong size', () => {
    const path = join(dir, 'short.key');
    writeFileSync(path, Buffer.alloc(16, 1), { mode: 0o600 });
    expect(() => loadOrCreateKey(path)).toThrow(/must hold 32 bytes/);
  });

  it.each([
    [{ EXPOSURE_KEY_FILE: '/k/fp.key' }, '/k/fp.key'],
    [{ XDG_CONFIG_HOME: '/cfg' }, '/cfg/exposure/fingerprint.key'],
  ])('finds the default path from %o', (env, expected) => {
    expect(defaultKeyPath(env)).toBe(expected);
  });
});
