// Where each part of a normalised text came from, so a finding's span can be reported in the original text.
//
// The normalised text is a sequence of segments. A segment whose normalised and original lengths are equal maps
// character for character (copied text, one-for-one replacements); any other segment is one decoded entity and
// maps as a whole. Characters that were removed lie between segments. Segments are packed three numbers each
// (normalised start, original start, original end) in an Int32Array: with plain arrays, text dense with entities
// spent most of its normalisation time growing them.

const FIELDS = 3;

export interface OffsetMap {
  /** Segment i is [normStart, origStart, origEnd] at indices 3i, 3i+1, 3i+2, in increasing order. */
  readonly segments: Int32Array;
  readonly normLength: number;
}

/** The identity map over a text of this length. */
export function identityMap(length: number): OffsetMap {
  return { segments: Int32Array.of(0, 0, length), normLength: length };
}

/** Builds a normalised text and its map; the last segment stays open (no end yet) until `finish`. */
export class OffsetMapBuilder {
  private segments = new Int32Array(FIELDS * 64);
  private count = 1;
  // Concatenation (a rope V8 flattens once) measured faster here than collecting parts and joining them.
  private text = '';
  private normLength = 0;

  /** Text of unchanged length (copied, or replaced one for one): extends the open segment. */
  append(text: string): void {
    this.text += text;
    this.normLength += text.length;
  }

  /** Original [start, end) contributes nothing. */
  remove(start: number, end: number): void {
    this.startSegmentAt(start, end);
  }

  /** Original [start, end) becomes `text` as one indivisible segment. */
  replaceAtomically(start: number, end: number, text: string): void {
    this.startSegmentAt(start, start);
    this.append(text);
    this.startSegmentAt(end, end);
  }

  finish(originalLength: number): { text: string; map: OffsetMap } {
    this.segments[(this.count - 1) * FIELDS + 2] = originalLength;
    const segments = this.segments.subarray(0, this.count * FIELDS);
    return { text: this.text, map: { segments, normLength: this.normLength } };
  }

  /** Ends the open segment at original index `end` and opens one at `next`; an empty one is just moved. */
  private startSegmentAt(end: number, next: number): void {
    const open = (this.count - 1) * FIELDS;
    if (this.segments[open] === this.normLength) {
      this.segments[open + 1] = next;
      return;
    }
    this.segments[open + 2] = end;
    if ((this.count + 1) * FIELDS > this.segments.length) {
      const grown = new Int32Array(this.segments.length * 2);
      grown.set(this.segments);
      this.segments = grown;
    }
    const opened = this.count * FIELDS;
    this.segments[opened] = this.normLength;
    this.segments[opened + 1] = next;
    this.count++;
  }
}

interface Segment {
  normStart: number;
  origStart: number;
  origEnd: number;
  /** Maps character for character; otherwise one entity that maps as a whole. */
  linear: boolean;
}

/** The last segment starting at or before `offset`: the one holding it (only the last can be empty). */
function segmentAt(map: OffsetMap, offset: number): Segment {
  const { segments } = map;
  const count = segments.length / FIELDS;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((segments[middle * FIELDS] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  const normStart = segments[low * FIELDS] as number;
  const normEnd = low + 1 < count ? (segments[(low + 1) * FIELDS] as number) : map.normLength;
  const origStart = segments[low * FIELDS + 1] as number;
  const origEnd = segments[low * FIELDS + 2] as number;
  return { normStart, origStart, origEnd, linear: normEnd - normStart === origEnd - origStart };
}

function clamp(offset: number, map: OffsetMap): number {
  return Math.min(Math.max(0, offset), map.normLength);
}

/** Original index of the character at `offset` in the normalised text (the original length past the end). */
export function toOriginal(map: OffsetMap, offset: number): number {
  const at = clamp(offset, map);
  const s = segmentAt(map, at);
  return s.linear ? s.origStart + (at - s.normStart) : s.origStart;
}

/**
 * Maps a span [start, end) of the normalised text to the tightest span of the original text that normalises to
 * it: characters removed at either edge stay outside, an entity at either edge is included whole.
 */
export function mapSpan(map: OffsetMap, start: number, end: number): { start: number; end: number } {
  const origStart = toOriginal(map, start);
  const last = clamp(end, map) - 1;
  if (last < clamp(start, map)) return { start: origStart, end: origStart };
  const s = segmentAt(map, last);
  return { start: origStart, end: s.linear ? s.origStart + (last + 1 - s.normStart) : s.origEnd };
}
