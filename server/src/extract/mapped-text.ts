// MappedText: the content of a Groovy string as Groovy would build it, plus the Jenkinsfile offset of
// every character, so that a finding inside embedded YAML lands on the exact line and column.

import { skipInterpolation, type Token } from '../parse/lexer.js';

export interface MappedText {
  text: string;
  /** offsets[i] is the source offset of text[i]; offsets[text.length] is the offset just past it. */
  offsets: Int32Array;
  /** [start, end) ranges of `text` that stand for a GString interpolation whose value is unknown. */
  placeholders: Array<[number, number]>;
  /** Source width of characters written as escapes (`\"` is 2, `\u00e9` is 6); absent means 1. */
  widths?: Map<number, number>;
}

/** The character that stands for each unknown interpolated character: a plain YAML scalar character. */
export const PLACEHOLDER_CHAR = 'x';

/**
 * Offsets for text that maps character for character (most strings, and whole files): views of one
 * array that holds 0, 1, 2, …, so such a text allocates no array of its own. Allocating a typed
 * array costs 1–2 µs (its memory is outside V8's heap), a view 50 ns (measured 2026-12-01), and a
 * 1,000-line Jenkinsfile decodes ~300 strings per lint. Nothing writes to a MappedText's offsets.
 */
let identity = new Int32Array(0);
function identityOffsets(from: number, length: number): Int32Array {
  const end = from + length + 1;
  if (identity.length < end) {
    // Doubled (so never past twice the largest offset asked for), in steps of 4 Ki entries: a start
    // fills only what its file needs (64 Ki entries, filled before V8 optimizes the loop, cost 1 ms).
    const size = Math.ceil(Math.max(end, identity.length * 2) / 4096) * 4096;
    identity = new Int32Array(size);
    for (let i = 0; i < size; i++) identity[i] = i;
  }
  return identity.subarray(from, end);
}

/**
 * Builds a MappedText into typed arrays sized up front (a decoded string is never longer than its
 * source) and kept from one build to the next, so that linting on every keystroke allocates little:
 * only the result's offsets are copied out.
 */
let scratch: { codes: Uint16Array; offsets: Int32Array } | undefined;
class Builder {
  private readonly codes: Uint16Array;
  private readonly offsets: Int32Array;
  private n = 0;
  placeholders: Array<[number, number]> = [];
  widths?: Map<number, number>;

  constructor(capacity: number) {
    const size = Math.max(0, capacity);
    // A build inside a build (none today) would take fresh arrays rather than share.
    const free = scratch && scratch.codes.length >= size ? scratch : { codes: new Uint16Array(Math.max(size, 4096)), offsets: new Int32Array(Math.max(size, 4096) + 1) };
    scratch = undefined;
    this.codes = free.codes;
    this.offsets = free.offsets;
  }
  get length(): number {
    return this.n;
  }
  /** Appends one UTF-16 unit (a one-character string) read from source offset `at`. */
  add(ch: string, at: number, width = 1): void {
    if (width !== 1) (this.widths ??= new Map()).set(this.n, width);
    this.codes[this.n] = ch.charCodeAt(0);
    this.offsets[this.n++] = at;
  }
  placeholder(from: number, to: number): void {
    const start = this.n;
    for (let i = from; i < to; i++) this.add(PLACEHOLDER_CHAR, i);
    this.placeholders.push([start, this.n]);
  }
  done(endOffset: number): MappedText {
    this.offsets[this.n] = endOffset;
    const out = {
      // Buffer's copy, not TextDecoder (whose module costs a cold start 2 ms); lone surrogates stay as written.
      text: Buffer.from(this.codes.buffer, this.codes.byteOffset, this.n * 2).toString('utf16le'),
      offsets: this.offsets.slice(0, this.n + 1),
      placeholders: this.placeholders,
      ...(this.widths ? { widths: this.widths } : {}),
    };
    scratch = { codes: this.codes, offsets: this.offsets };
    return out;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '\\': '\\', "'": "'", '"': '"', $: '$', '/': '/' };

/** Decodes a string token the way Groovy does: escapes, line continuations, interpolations. */
export function decodeString(src: string, tok: Token): MappedText {
  const quote = tok.quote!;
  const open = quote.length;
  const closeLen = tok.unterminated ? 0 : quote === '$/' ? 2 : quote.length;
  const from = tok.start + open;
  const to = Math.max(from, tok.end - closeLen);
  const content = src.slice(from, to);
  // Most strings hold no escape, interpolation or CR: their text is their source, character for character.
  if (!/[\\\r$]/.test(content)) {
    return { text: content, offsets: identityOffsets(from, content.length), placeholders: [] };
  }
  const b = new Builder(to - from);
  const interpolates = quote === '"' || quote === '"""' || quote === '/' || quote === '$/';
  let i = from;
  while (i < to) {
    const ch = src[i]!;
    if (quote === '$/') {
      if (ch === '$' && (src[i + 1] === '$' || src[i + 1] === '/')) {
        b.add(src[i + 1]!, i);
        i += 2;
        continue;
      }
    } else if (ch === '\\') {
      const next = src[i + 1];
      if (quote === '/') {
        if (next === '/') {
          b.add('/', i, 2);
          i += 2;
          continue;
        }
        b.add(ch, i);
        i++;
        continue;
      }
      if (next === '\n') {
        i += 2; // line continuation: backslash-newline disappears
        continue;
      }
      if (next === '\r' && src[i + 2] === '\n') {
        i += 3;
        continue;
      }
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
        b.add(String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16)), i, 6);
        i += 6;
        continue;
      }
      if (next !== undefined && next in SIMPLE_ESCAPES) {
        b.add(SIMPLE_ESCAPES[next]!, i, 2);
        i += 2;
        continue;
      }
      b.add(ch, i);
      i++;
      continue;
    }
    if (interpolates && ch === '$') {
      const next = src[i + 1];
      if (next === '{') {
        const end = Math.min(skipInterpolation(src, i + 2), to);
        b.placeholder(i, end);
        i = end;
        continue;
      }
      if (next !== undefined && /[A-Za-z_]/.test(next)) {
        // `$name` or `$a.b.c`: a dotted property path.
        let j = i + 1;
        for (;;) {
          while (j < to && /[A-Za-z0-9_]/.test(src[j]!)) j++;
          if (src[j] === '.' && /[A-Za-z_]/.test(src[j + 1] ?? '')) j++;
          else break;
        }
        b.placeholder(i, j);
        i = j;
        continue;
      }
    }
    if (ch === '\r' && src[i + 1] === '\n') {
      // Groovy normalises CRLF inside multi-line strings to LF.
      i++;
      continue;
    }
    b.add(ch, i);
    i++;
  }
  return b.done(to);
}

/** The texts one after another, as `a + b + …` builds them; one pass, however many parts. */
export function concat(parts: MappedText[]): MappedText {
  if (parts.length === 1) return parts[0]!;
  const length = parts.reduce((n, p) => n + p.text.length, 0);
  const offsets = new Int32Array(length + 1);
  const widths = new Map<number, number>();
  const placeholders: Array<[number, number]> = [];
  let shift = 0;
  for (const p of parts) {
    offsets.set(p.offsets.subarray(0, p.text.length), shift);
    for (const [i, w] of p.widths ?? []) widths.set(i + shift, w);
    for (const [s, e] of p.placeholders) placeholders.push([s + shift, e + shift]);
    shift += p.text.length;
  }
  offsets[length] = parts[parts.length - 1]!.offsets[parts[parts.length - 1]!.text.length]!;
  return { text: parts.map((p) => p.text).join(''), offsets, placeholders, ...(widths.size ? { widths } : {}) };
}

/** Keeps the characters whose index passes `keep`, remapping placeholders. */
function filter(mt: MappedText, keep: (i: number) => boolean): MappedText {
  const b = new Builder(mt.text.length);
  const newIndex = new Int32Array(mt.text.length + 1);
  for (let i = 0; i < mt.text.length; i++) {
    newIndex[i] = b.length;
    if (keep(i)) b.add(mt.text[i]!, mt.offsets[i]!, mt.widths?.get(i) ?? 1);
  }
  newIndex[mt.text.length] = b.length;
  const out = b.done(mt.offsets[mt.text.length]!);
  out.placeholders = mt.placeholders.map(([s, e]) => [newIndex[s]!, newIndex[e]!] as [number, number]).filter(([s, e]) => e > s);
  return out;
}

/**
 * Groovy's String.stripIndent(): remove the smallest indentation of the non-blank lines from every
 * line. (Jenkins runs the Groovy GDK method, not Java 13's String.stripIndent.)
 */
export function stripIndent(mt: MappedText): MappedText {
  const lines = splitLines(mt.text);
  let min = Infinity;
  for (const [s, e] of lines) {
    const line = mt.text.slice(s, e);
    if (line.trim() === '') continue;
    min = Math.min(min, line.length - line.replace(/^[ \t]+/, '').length);
  }
  if (!Number.isFinite(min) || min === 0) return mt;
  const drop = new Set<number>();
  for (const [s, e] of lines) {
    let k = 0;
    while (k < min && s + k < e && (mt.text[s + k] === ' ' || mt.text[s + k] === '\t')) drop.add(s + k++);
  }
  return filter(mt, (i) => !drop.has(i));
}

/** Groovy's String.trim(). */
export function trim(mt: MappedText): MappedText {
  let s = 0;
  let e = mt.text.length;
  while (s < e && mt.text.charCodeAt(s) <= 32) s++;
  while (e > s && mt.text.charCodeAt(e - 1) <= 32) e--;
  return filter(mt, (i) => i >= s && i < e);
}

function splitLines(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      out.push([s, i]);
      s = i + 1;
    }
  }
  return out;
}

/** A MappedText for a whole file read from disk: every character maps to itself. */
export function identityText(text: string): MappedText {
  return { text, offsets: identityOffsets(0, text.length), placeholders: [] };
}

/** True when [start, end) of the text overlaps an interpolation placeholder. */
export function touchesPlaceholder(mt: MappedText, start: number, end: number): boolean {
  return mt.placeholders.some(([s, e]) => s < Math.max(end, start + 1) && e > start);
}

/**
 * text[start, end) as the source writes it, for a message to quote: an interpolation reads
 * `${env.BUILD_NUMBER}`, never the placeholder characters that stand for it in `text`.
 */
export function writtenText(source: string, mt: MappedText, start: number, end: number): string {
  const r = sourceRange(mt, start, end);
  return source.slice(r.start, r.end);
}

/** The source range [start, end) that text[start, end) was read from. */
export function sourceRange(mt: MappedText, start: number, end: number): { start: number; end: number } {
  const n = mt.text.length;
  const s = mt.offsets[Math.max(0, Math.min(start, n))]!;
  if (end <= start || start >= n) return { start: s, end: s };
  const last = Math.min(end, n) - 1;
  return { start: s, end: Math.max(s, mt.offsets[last]! + (mt.widths?.get(last) ?? 1)) };
}
