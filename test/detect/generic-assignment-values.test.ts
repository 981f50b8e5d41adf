// The generic assignment rules judge the value: a timestamp or a version number assigned to a secret-like name
// (`password_changed_at`, `client_secret_version`) is a date or a release, never a credential, while a value
// drawn at random under the same names is still reported.
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../src/detect/engine.ts';
import { loadRules } from '../../src/detect/load-rules.ts';

const detector = createDetector(loadRules(), { key: Buffer.alloc(32, 9) });
const GENERIC = ['generic-password-assignment', 'generic-secret-assignment'];
const generic = (text: string) => detector.scan(text).filter((f) => GENERIC.includes(f.ruleId)).length;

describe('generic assignments', () => {
  it.each([
    'password_changed_at = 2025-11-02T10:15:00.543Z',
    'db_password: 2026-03-01 08:30:12',
    'token_expires = 2026-03-01T08:30',
    'db_password = 8.0.0-beta.4',
    'client_secret = 12.4.0-rc.1',
    'api_key: v3.2.1',
  ])('skip a timestamp or a version: %s', (text) => {
    expect(generic(text)).toBe(0);
  });

  it.each(['db_password = Hq7#kLp2!vZ9xQ', 'client_secret = 9fQ2xLm7Rt4WbZ8kNc3V'])(
    'still report a random value under the same names: %s',
    (text) => {
      expect(generic(text)).toBe(1);
    },
  );
});
