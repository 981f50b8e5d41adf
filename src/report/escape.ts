// Output encoders for untrusted site content.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Only http(s) links are clickable; anything else (javascript:, data:) renders as plain text. */
export function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

// ANSI CSI/OSC sequences and C0/C1 controls, built from code points so the source holds no control characters.
const ESC = String.fromCharCode(0x1b);
const BEL = String.fromCharCode(0x07);
const TERMINAL_CONTROL = new RegExp(
  `${ESC}\\[[0-?]*[ -/]*[@-~]|${ESC}\\][^${BEL}${ESC}]*(${BEL}|${ESC}\\\\)?|[${String.fromCharCode(0)}-${String.fromCharCode(0x1f)}${String.fromCharCode(0x7f)}-${String.fromCharCode(0x9f)}]`,
  'g',
);
const BIDI_OVERRIDES = /[\u202a-\u202e\u2066-\u2069]/g;

/** Terminal output: drop escape sequences and control characters a title could use to rewrite the screen. */
export function stripControl(value: unknown): string {
  // Bidirectional overrides can make a title read differently from what it is.
  return String(value ?? '')
    .replace(TERMINAL_CONTROL, '')
    .replace(BIDI_OVERRIDES, '');
}

/** A preview on one line (a PEM key's preview spans lines): each line break becomes ⏎. */
export function singleLine(value: string): string {
  return value.replace(/\r\n|[\r\n\u2028\u2029]/g, '⏎');
}
