// Bitcoin addresses: legacy Base58Check (version byte 0x00 "1..." or 0x05 "3...", 4-byte double-SHA-256
// checksum; Bitcoin wiki "Technical background of version 1 Bitcoin addresses") and SegWit Bech32 / Bech32m
// ("bc1...", BIP 173 and BIP 350 checksums).
import { createHash } from 'node:crypto';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function base58Decode(text: string): Buffer | undefined {
  let n = 0n;
  for (const char of text) {
    const digit = BASE58.indexOf(char);
    if (digit < 0) return undefined;
    n = n * 58n + BigInt(digit);
  }
  const hex = n.toString(16);
  const body = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  const zeros = /^1*/.exec(text)![0].length;
  return Buffer.concat([Buffer.alloc(zeros), n === 0n ? Buffer.alloc(0) : body]);
}

const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();

function isBase58Address(value: string): boolean {
  const bytes = base58Decode(value);
  if (!bytes || bytes.length !== 25 || (bytes[0] !== 0x00 && bytes[0] !== 0x05)) return false;
  return sha256(sha256(bytes.subarray(0, 21)))
    .subarray(0, 4)
    .equals(bytes.subarray(21));
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATORS = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
const BECH32_CONST = 1;
const BECH32M_CONST = 0x2bc830a3;

function polymod(values: readonly number[]): number {
  let chk = 1;
  for (const value of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ value;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GENERATORS[i]!;
  }
  return chk >>> 0;
}

function isBech32Address(value: string): boolean {
  const v = value.toLowerCase();
  if (v !== value && value.toUpperCase() !== value) return false; // mixed case is invalid
  const data = [...v.slice(3)].map((c) => BECH32.indexOf(c));
  if (!v.startsWith('bc1') || data.length < 7 || data.some((d) => d < 0)) return false;
  const hrp = [...'bc'].map((c) => c.charCodeAt(0));
  const expanded = [...hrp.map((c) => c >> 5), 0, ...hrp.map((c) => c & 31), ...data];
  const witnessVersion = data[0]!;
  return polymod(expanded) === (witnessVersion === 0 ? BECH32_CONST : BECH32M_CONST);
}

export function isBitcoinAddress(value: string): boolean {
  return /^bc1/i.test(value) ? isBech32Address(value) : isBase58Address(value);
}
