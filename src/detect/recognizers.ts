// @microsoft/recognizers-text as evidence on short windows around a regex candidate. It is slow and
// super-linear on whole documents (DESIGN.md "What was measured"), so callers pass offsets and this module cuts
// a window of at most MAX_WINDOW characters. The packages are required on first use, not imported: the
// date-time bundle alone takes 0.5-1.5 s to load, which every CLI start and worker would pay for nothing.
import { createRequire } from 'node:module';
import type { IModel, ModelResult } from '@microsoft/recognizers-text';
import type * as SequencePackage from '@microsoft/recognizers-text-sequence';
import type * as DateTimePackage from '@microsoft/recognizers-text-date-time';

export type RecognizerKind = 'phone' | 'email' | 'ip' | 'url' | 'datetime';

/** Characters taken on each side of the candidate. */
export const WINDOW_MARGIN = 60;
/** The date-time model is super-linear: dates get a tight window, enough for "12th of March, 1985". */
const DATE_MARGIN = 16;
/** Longest window ever parsed; longer candidates are cut to this size around their start. */
export const MAX_WINDOW = 200;

const require = createRequire(import.meta.url);
const ENGLISH = 'en-us';
const models = new Map<RecognizerKind, IModel>();

function buildModel(kind: RecognizerKind): IModel {
  if (kind === 'datetime') {
    const { DateTimeRecognizer } = require('@microsoft/recognizers-text-date-time') as typeof DateTimePackage;
    return new DateTimeRecognizer(ENGLISH).getDateTimeModel();
  }
  const { SequenceRecognizer } = require('@microsoft/recognizers-text-sequence') as typeof SequencePackage;
  const sequence = new SequenceRecognizer(ENGLISH);
  const byKind = {
    phone: () => sequence.getPhoneNumberModel(),
    email: () => sequence.getEmailModel(),
    ip: () => sequence.getIpAddressModel(),
    url: () => sequence.getURLModel(),
  };
  return byKind[kind]();
}

function model(kind: RecognizerKind): IModel {
  let built = models.get(kind);
  if (built === undefined) {
    built = buildModel(kind);
    models.set(kind, built);
  }
  return built;
}

const ALL_KINDS: readonly RecognizerKind[] = ['phone', 'email', 'ip', 'url', 'datetime'];

/** Loads the models and runs each once, so the first real candidate does not pay the start-up (~0.5-2 s). */
export function warmRecognizers(kinds: readonly RecognizerKind[] = ALL_KINDS): void {
  for (const kind of kinds) model(kind).parse('call +1 415 555 0100 on 3 May 1990 at a.b@c.io 8.8.8.8');
}

/** A recognized entity with offsets into the caller's text (end exclusive). */
export interface Recognized {
  start: number;
  end: number;
  /** The model's resolution, e.g. `{ value, score }` for phones or `{ values: [{ type, value }] }` for dates. */
  resolution: Record<string, unknown>;
}

/**
 * Runs one model on the window around text[start, end) and returns the entities that overlap the candidate.
 * The window is cut at whitespace where possible so a number is not split in half.
 */
export function recognizeAround(
  kind: RecognizerKind,
  text: string,
  start: number,
  end: number,
  margin = WINDOW_MARGIN,
): Recognized[] {
  const windowStart = cutAtSpace(text, Math.max(0, start - margin), start, 1);
  const windowEnd = cutAtSpace(text, Math.min(text.length, end + margin, windowStart + MAX_WINDOW), end, -1);
  const window = text.slice(windowStart, windowEnd);
  const results: ModelResult[] = model(kind).parse(window);
  return results
    .map((r) => ({
      start: windowStart + r.start,
      end: windowStart + r.end + 1,
      resolution: r.resolution ?? {},
    }))
    .filter((r) => r.start < end && r.end > start);
}

/** Moves a window edge towards `limit` to the nearest whitespace, unless the edge is already the text's edge. */
function cutAtSpace(text: string, edge: number, limit: number, step: 1 | -1): number {
  if (edge === 0 || edge === text.length) return edge;
  for (let i = edge; i !== limit; i += step) if (/\s/.test(text[i] ?? '')) return step === 1 ? i + 1 : i;
  return edge;
}

/** The recognizer's score (0..1) for a phone number overlapping the candidate, or 0 when none is found. */
export function phoneScore(text: string, start: number, end: number): number {
  const scores = recognizeAround('phone', text, start, end).map((r) => Number(r.resolution['score'] ?? 0));
  return Math.max(0, ...scores);
}

/** ISO dates (YYYY-MM-DD) the date-time model resolves for the candidate span; ambiguous dates give several. */
export function resolvedDates(text: string, start: number, end: number): string[] {
  const dates: string[] = [];
  for (const entity of recognizeAround('datetime', text, start, end, DATE_MARGIN)) {
    const values = entity.resolution['values'];
    if (!Array.isArray(values)) continue;
    for (const v of values as { type?: string; value?: string }[]) {
      if (v.type === 'date' && typeof v.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.value))
        dates.push(v.value);
    }
  }
  return dates;
}
