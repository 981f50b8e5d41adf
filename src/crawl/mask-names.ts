// Container names are shown in every table, CSV row and report, and stored with the container: a project renamed
// to hold a token must not carry it there. Names are detected before the containers are stored, and each finding's
// span is replaced by its masked preview (the name is still scanned in full as the container's metadata item).
import type { Container, Finding } from '../types.ts';
import type { DocScanner } from './ports.ts';

/** `text` with each finding's span replaced by its preview; overlapping spans are masked as one. */
function masked(text: string, findings: readonly Finding[]): string {
  const spans: Array<{ start: number; end: number; preview: string }> = [];
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    const last = spans.at(-1);
    if (last && f.start < last.end) last.end = Math.max(last.end, f.end);
    else spans.push({ start: f.start, end: f.end, preview: f.preview });
  }
  return spans.reduceRight((out, s) => out.slice(0, s.start) + s.preview + out.slice(s.end), text);
}

/** The containers with every detected value in their names replaced by its masked preview. */
export async function maskNames(scanner: DocScanner, containers: readonly Container[]): Promise<Container[]> {
  const docs = containers.map((c) => ({
    itemId: `name:${c.product}:${c.key}`,
    field: 'name',
    url: c.url,
    text: c.name,
  }));
  const results = docs.length > 0 ? await scanner.scanDocs(docs) : [];
  return containers.map((container, i) => {
    const findings = results[i] ?? [];
    return findings.length > 0 ? { ...container, name: masked(container.name, findings) } : container;
  });
}
