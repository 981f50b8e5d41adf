// Names (of containers, of custom fields) are shown in every table, CSV row and report, and stored: a project or a
// field renamed to hold a token must not carry it there. Names are detected before they are stored, and each
// finding's span is replaced by its masked preview (the names are still scanned in full as site content).
import { maskSpans } from '../detect/mask-spans.ts';
import type { Container } from '../types.ts';
import type { DocScanner } from './ports.ts';

const WITHHELD_NAME = '[name withheld: it holds a finding]';

/** Each text with every detected value replaced by its masked preview. */
async function maskTexts(
  scanner: DocScanner,
  texts: ReadonlyArray<{ id: string; url: string; text: string }>,
) {
  const docs = texts.map((t) => ({ itemId: `name:${t.id}`, field: 'name', url: t.url, text: t.text }));
  const results = docs.length > 0 ? await scanner.scanDocs(docs) : [];
  return texts.map((t, i) => {
    const findings = results[i] ?? [];
    return findings.length === 0 ? t.text : (maskSpans(t.text, findings) ?? WITHHELD_NAME);
  });
}

/** The containers with every detected value in their names replaced by its masked preview. */
export async function maskNames(scanner: DocScanner, containers: readonly Container[]): Promise<Container[]> {
  const texts = containers.map((c) => ({ id: `${c.product}:${c.key}`, url: c.url, text: c.name }));
  const names = await maskTexts(scanner, texts);
  return containers.map((container, i) =>
    names[i] === container.name ? container : { ...container, name: names[i]! },
  );
}

/** Custom field names, masked the same way, for the findings CSV's field_name column. */
export async function maskFieldNames(
  scanner: DocScanner,
  fields: ReadonlyArray<{ id: string; name: string }>,
  url: string,
): Promise<Array<{ id: string; name: string }>> {
  const names = await maskTexts(
    scanner,
    fields.map((f) => ({ id: `field:${f.id}`, url, text: f.name })),
  );
  return fields.map((f, i) => ({ id: f.id, name: names[i]! }));
}
