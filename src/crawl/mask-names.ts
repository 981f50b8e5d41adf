// Container names are shown in every table, CSV row and report, and stored with the container: a project renamed
// to hold a token must not carry it there. Names are detected before the containers are stored, and each finding's
// span is replaced by its masked preview (the name is still scanned in full as the container's metadata item).
import { maskSpans } from '../detect/mask-spans.ts';
import type { Container } from '../types.ts';
import type { DocScanner } from './ports.ts';

const WITHHELD_NAME = '[name withheld: it holds a finding]';

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
    if (findings.length === 0) return container;
    return { ...container, name: maskSpans(container.name, findings) ?? WITHHELD_NAME };
  });
}
