// Byte search for a leak audit: every file under a folder and every captured output, searched for a string in
// each encoding it could have been written in (UTF-8, UTF-16LE, JSON-escaped, URL-encoded, lower-cased).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Artifact {
  name: string;
  bytes: Buffer;
}

export interface Needle {
  label: string;
  bytes: Buffer;
}

export const ENCODINGS: Record<string, (text: string) => Buffer> = {
  'utf-8': (text) => Buffer.from(text, 'utf8'),
  'utf-16le': (text) => Buffer.from(text, 'utf16le'),
  'json-escaped': (text) => Buffer.from(JSON.stringify(text).slice(1, -1), 'utf8'),
  'url-encoded': (text) => Buffer.from(encodeURIComponent(text), 'utf8'),
  'lower-case': (text) => Buffer.from(text.toLowerCase(), 'utf8'),
};

/** One needle per distinct encoded form of `text`. */
export function needlesOf(label: string, text: string): Needle[] {
  const seen = new Set<string>();
  const needles: Needle[] = [];
  for (const [encoding, encode] of Object.entries(ENCODINGS)) {
    const bytes = encode(text);
    const key = bytes.toString('base64');
    if (seen.has(key)) continue;
    seen.add(key);
    needles.push({ label: `${label} (${encoding})`, bytes });
  }
  return needles;
}

/** Every file under `dir`, recursively, named relative to it. */
export function filesUnder(dir: string, prefix = ''): Artifact[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { name: prefix + relative(dir, path), bytes: readFileSync(path) };
    });
}

/** `label in artifact` for every needle found; empty when nothing leaked. */
export function hits(artifacts: readonly Artifact[], needles: readonly Needle[]): string[] {
  const found: string[] = [];
  for (const artifact of artifacts)
    for (const needle of needles)
      if (artifact.bytes.includes(needle.bytes)) found.push(`${needle.label} in ${artifact.name}`);
  return found;
}
