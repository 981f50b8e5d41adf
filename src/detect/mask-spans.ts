// The one way a stored text (an item title, a container name) hides the values found in it: each finding's span
// is replaced by its masked preview, overlapping spans as one.

interface Span {
  start: number;
  end: number;
  preview: string;
}

/**
 * `text` with every finding's span replaced by its preview (spans that overlap are masked together, under the
 * first one's preview); undefined when a span does not fit the text, so the caller withholds the whole text.
 */
export function maskSpans(text: string, findings: readonly Span[]): string | undefined {
  const merged: Span[] = [];
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < 0 || f.start >= f.end || f.end > text.length) return undefined;
    const last = merged.at(-1);
    if (last && f.start < last.end) last.end = Math.max(last.end, f.end);
    else merged.push({ start: f.start, end: f.end, preview: f.preview });
  }
  return merged.reduceRight((out, s) => out.slice(0, s.start) + s.preview + out.slice(s.end), text);
}
