// Field values arrive as plain strings (summary, textfield), ADF documents (description, textarea), ADF as a
// JSON string (Confluence atlas_doc_format), storage XHTML, or arrays of strings (labels). One entry point.
import { adfToText } from '../text/adf.ts';
import { storageToText } from '../text/storage.ts';

export interface Extracted {
  text: string;
  truncated: boolean;
}

export function toText(value: unknown, maxChars: number): Extracted {
  if (value == null) return { text: '', truncated: false };
  if (typeof value === 'string') {
    return value.length > maxChars
      ? { text: value.slice(0, maxChars), truncated: true }
      : { text: value, truncated: false };
  }
  if (Array.isArray(value)) return toText(value.filter((v) => typeof v === 'string').join('\n'), maxChars);
  if (typeof value === 'object' && (value as { type?: unknown }).type === 'doc')
    return adfToText(value, { maxChars });
  return { text: '', truncated: false };
}

export function storageText(xhtml: string, maxChars: number): Extracted {
  return storageToText(xhtml, { maxChars });
}
