// Placeholders are recognised from the value itself: filler and ascending runs are never real keys, while
// real keys (whatever words surround them) keep their findings.
import { describe, expect, it } from 'vitest';
import { placeholderReason } from '../../src/detect/placeholder.ts';

describe('placeholderReason', () => {
  it.each([
    ['glc_1111111111111111111111111111111111111111', 'one digit filling a prefixed token'],
    ['AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ', 'a letter filling most of the value'],
    ['00000000000000000000000000000000000TUVWXYZ', 'zeros with a short tail'],
    ['aaaaaaaaaa1111111111bbbbbbbbbb2222222222', 'four runs of ten'],
    ['12345678-ABCD-ABCD-ABCD-1234567890AB', 'a UUID spelled from ascending runs'],
    ['AIzaSyabcdefghijklmnopqrstuvwxyz1234567', 'the alphabet after a vendor prefix'],
    ['sk-ant-admin01-abc123xyz-456def789ghij-klmnopqrstuvwx', 'keyboard runs between dashes'],
  ])('%s is a placeholder (%s)', (value) => {
    expect(placeholderReason(value)).toMatch(/^placeholder: /);
  });

  it.each([
    ['AKIAECRSTMYEHMPSNVN3', 'an AWS key id'],
    ['ghp_R8kq2Zt0VbN3xW7yLm4pQs9aC1dE5fGhJ6uT', 'a GitHub token'],
    ['7c3f9a0e5b21d84f6a9e0c7b3d5f1a28', 'random hex'],
    [
      'AAAAAAAAAAC7hjsA+H3owFygUv4w5B67lcSx14zff9FCPADiNbSwYWgE+O7Dhiy5tkRecs21',
      'base64 of binary with zero bytes',
    ],
    ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7', 'the start of a DER key'],
    ['abc', 'too short to judge'],
  ])('%s may be real (%s)', (value) => {
    expect(placeholderReason(value)).toBeUndefined();
  });
});
