// What the cursor is in, read from the tokens of the current text: the start of a statement, or an
// argument of a call written with parentheses (`timeout(time: 5, |)`) or as a command
// (`sh 'make', |`), with the keys written around it. Scripted pipelines and script { } bodies have
// no Declarative blocks, so this reads the brackets and statements themselves.

import { isPunct, type Token } from '../parse/lexer.js';
import { decodeString } from '../extract/mapped-text.js';
import type { TokenReader } from '../extract/reader.js';
import type { Reading } from './current-reading.js';

export interface CallSite {
  name: string;
  /** Token index of the name. */
  nameIndex: number;
  start: number;
  end: number;
}

export interface ArgumentCursor {
  kind: 'argument';
  call: CallSite;
  /** Zero-based position of the argument the cursor is in. */
  index: number;
  /** The keys of the other named arguments, before and after the cursor's. */
  written: string[];
  /** The key whose value the cursor is in (`unit: '|'`). */
  key?: string;
  /** Where a parameter name may go: an argument not yet begun, or a word typed there. */
  atKey: boolean;
  /** In a string literal that is the whole value so far (`'|'`, `unit: 'MIN|'`). */
  inString: boolean;
}

export type Cursor = ArgumentCursor | { kind: 'statement' };

/** `def f(`, `new Foo(`, `String f(`: a declaration or a constructor, not a call. */
const NOT_CALL_BEFORE = /^(def|new|void|int|long|boolean|double|float|short|byte|char|[A-Z]\w*)$/;

export function cursorAt(r: Reading, offset: number): Cursor | undefined {
  const { reader } = r;
  const toks = reader.tokens;
  if (inComment(reader.comments, offset)) return undefined;
  const next = firstFrom(toks, offset);
  const typed = next > 0 && isTyped(toks[next - 1]!, offset) ? toks[next - 1] : undefined;
  // Past a line break in a string the text is a script or a document of its own, not an argument being written.
  if (typed?.kind === 'string' && /[\r\n]/.test(r.text.slice(typed.start, offset))) return undefined;
  const last = typed ? next - 2 : next - 1;
  const open = enclosingOpener(reader, last);
  if (open >= 0 && isPunct(toks[open], '(')) {
    const call = parenCall(reader, open);
    const closer = reader.closerOf(open);
    return call && argumentCursor(reader, call, open + 1, last, typed, closer < toks.length ? closer : open + 1);
  }
  if (open >= 0 && isPunct(toks[open], '[')) return undefined;
  const start = statementStart(reader, open, last);
  if (start > last) return !typed || typed.kind === 'ident' ? { kind: 'statement' } : undefined;
  // A command call, on its own or on the right of an assignment: `sh 'x', |`, `out = sh script: 'x', |`.
  let n = start;
  for (let i = start; i <= last; i = skipGroup(reader, i)) if (isPunct(toks[i], '=')) n = i + 1;
  const name = toks[n];
  if (n > last || name?.kind !== 'ident') return undefined;
  // The first argument, when one is begun (`sh |` has none yet).
  const first = n + 1 <= last ? toks[n + 1] : typed;
  if (first && !startsValue(first)) return undefined;
  const call = { name: name.text, nameIndex: n, start: name.start, end: name.end };
  return argumentCursor(reader, call, n + 1, last, typed, reader.statementEnd(n));
}

/** The call whose name is token i, if it is one: `name(…)`, `name {…}` or `name arg, …` starting a statement. */
export function callNamed(r: Reading, i: number): CallSite | undefined {
  const { reader } = r;
  const toks = reader.tokens;
  const t = toks[i];
  const after = toks[i + 1];
  if (t?.kind !== 'ident' || !after) return undefined;
  if (isPunct(after, '(')) return parenCall(reader, i + 1);
  const site = { name: t.text, nameIndex: i, start: t.start, end: t.end };
  if (isPunct(after, '{')) return site;
  const before = toks[i - 1];
  const startsStatement = !before || before.kind === 'newline' || isPunct(before, ';') || isPunct(before, '{') || isPunct(before, '=');
  return startsStatement && startsValue(after) ? site : undefined;
}

function argumentCursor(reader: TokenReader, call: CallSite, from: number, last: number, typed: Token | undefined, end: number): ArgumentCursor {
  const toks = reader.tokens;
  const written: string[] = [];
  let index = 0;
  let argStart = from;
  for (let i = from; i <= last; i = skipGroup(reader, i)) {
    if (!isPunct(toks[i], ',')) continue;
    const k = keyAt(reader, argStart);
    if (k) written.push(k);
    argStart = i + 1;
    index++;
  }
  // The keys of the arguments after the cursor's, which are not to be offered again either.
  for (let i = last + (typed ? 2 : 1); i < end; i = skipGroup(reader, i)) {
    const k = isPunct(toks[i], ',') && keyAt(reader, i + 1);
    if (k) written.push(k);
  }
  const a = skipNewlines(toks, argStart, last + 1);
  const key = a < last ? keyAt(reader, a) : undefined;
  const cursor: ArgumentCursor = { kind: 'argument', call, index, written, atKey: false, inString: false };
  if (key) {
    cursor.key = key;
    cursor.inString = skipNewlines(toks, a + 2, last + 1) > last && typed?.kind === 'string';
  } else if (a > last) {
    cursor.atKey = !typed || typed.kind === 'ident';
    cursor.inString = typed?.kind === 'string';
  }
  return cursor;
}

/** `name(` that calls a step or function: on implicit `this` (or `steps.`, as shared libraries write it), not a declaration. */
function parenCall(reader: TokenReader, open: number): CallSite | undefined {
  const toks = reader.tokens;
  const name = toks[open - 1];
  if (name?.kind !== 'ident') return undefined;
  const before = toks[open - 2];
  if (before?.kind === 'ident' && NOT_CALL_BEFORE.test(before.text)) return undefined;
  if ((isPunct(before, '.') || isPunct(before, '?.')) && !(toks[open - 3]?.kind === 'ident' && toks[open - 3]!.text === 'steps')) return undefined;
  return { name: name.text, nameIndex: open - 1, start: name.start, end: name.end };
}

/** The key of a `key: value` argument starting at token i. */
function keyAt(reader: TokenReader, i: number): string | undefined {
  const toks = reader.tokens;
  i = skipNewlines(toks, i, toks.length);
  const t = toks[i];
  if (!t || !isPunct(toks[i + 1], ':')) return undefined;
  if (t.kind === 'ident') return t.text;
  return t.kind === 'string' ? decodeString(reader.src, t).text : undefined;
}

/** The innermost bracket opened before token `last` (inclusive) and closed after it; -1 at top level. */
function enclosingOpener(reader: TokenReader, last: number): number {
  for (let j = last; j >= 0; j--) {
    const t = reader.tokens[j]!;
    if (t.kind === 'punct' && (t.text === '(' || t.text === '[' || t.text === '{') && reader.closerOf(j) > last) return j;
  }
  return -1;
}

/** The first token of the statement that holds token `last`, in the group opened at `open`; past `last` when it begins after it. */
function statementStart(reader: TokenReader, open: number, last: number): number {
  const toks = reader.tokens;
  let s = open + 1;
  for (;;) {
    while (s <= last && (toks[s]!.kind === 'newline' || isPunct(toks[s], ';'))) s++;
    if (s > last) return s;
    const end = reader.statementEnd(s);
    if (end > last) return s;
    s = end + 1;
  }
}

/** The index after token i, past the whole bracket group when i opens one. */
function skipGroup(reader: TokenReader, i: number): number {
  const t = reader.tokens[i]!;
  return t.kind === 'punct' && (t.text === '(' || t.text === '[' || t.text === '{') ? reader.closerOf(i) + 1 : i + 1;
}

/** A token the cursor is inside of, or at the end of a word or an unclosed string being typed. */
function isTyped(t: Token, offset: number): boolean {
  if (offset < t.end) return t.kind !== 'punct' && t.kind !== 'newline';
  return offset === t.end && (t.kind === 'ident' || t.kind === 'number' || (t.kind === 'string' && !!t.unterminated));
}

/** Can a command's first argument start with this token (as the reader decides, on the same line)? */
function startsValue(t: Token): boolean {
  if (t.kind === 'string' || t.kind === 'number') return true;
  if (t.kind === 'ident') return !['in', 'instanceof', 'as'].includes(t.text);
  return t.kind === 'punct' && (t.text === '[' || t.text === '-' || t.text === '!');
}

function inComment(comments: Token[], offset: number): boolean {
  const c = comments[firstFrom(comments, offset) - 1];
  return !!c && (offset < c.end || (offset === c.end && c.text.startsWith('//')));
}

/** Index of the first token starting at or after `offset`. */
function firstFrom(toks: Token[], offset: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function skipNewlines(toks: Token[], i: number, to: number): number {
  while (i < to && toks[i]!.kind === 'newline') i++;
  return i;
}
