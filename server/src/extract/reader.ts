// Reads Groovy calls, arguments and expressions from tokens. Tolerant by design: it never throws,
// and anything it cannot read statically becomes a `dynamic` value that rules leave alone.

import { lex, type Token } from '../parse/lexer.js';
import { concat, decodeString, stripIndent, trim, type MappedText } from './mapped-text.js';

interface Span {
  start: number;
  end: number;
}

export type Value = Span &
  (
    | { kind: 'string'; text: MappedText }
    | { kind: 'number' | 'bool' | 'null'; raw: string }
    | { kind: 'list'; items: Value[] }
    | { kind: 'map'; entries: Arg[] }
    | { kind: 'ident'; name: string }
    | { kind: 'call'; call: Call }
    | { kind: 'dynamic'; what: string }
  );

export interface Arg {
  /** Named argument (`key: value`), or positional when absent. */
  name?: { text: string } & Span;
  value: Value;
}

export interface Block extends Span {
  /** Token index of `{` and of the matching `}` (or the token count when unclosed). */
  open: number;
  close: number;
}

export interface Call extends Span {
  name: string;
  nameSpan: Span;
  args: Arg[];
  closure?: Block;
  /** true when written as a command expression: `name arg` without parentheses. */
  command: boolean;
}

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** How deep expressions may nest (`[[[…]]]`, `((…))`, calls in calls) before the reader stops reading. */
export const MAX_NESTING = 100;

export class TokenReader {
  readonly tokens: Token[];
  private depth = 0;
  private cuts?: Span[];
  private readonly calls = new Map<number, { call: Call; next: number } | undefined>();
  /** statementEnd's and nextComma's answers, plus one (0: not known yet). */
  private readonly statementEnds: Int32Array;
  private readonly commas: Int32Array;
  readonly comments: Token[];
  /** For every opening bracket token, the index of its closer (tokens.length when unclosed). */
  private readonly match: Int32Array;
  /** For every closing bracket, the index of its opener (-1 when unmatched). */
  private readonly openers: Int32Array;

  /**
   * true when the lexer had to guess where a string ends: a slashy string where a `/` might have
   * been division, a dollar-slashy string, a `/` it took for division, a string left open. Only then
   * can the tree correct its reading.
   */
  readonly guessed: boolean;

  constructor(readonly src: string) {
    ({ tokens: this.tokens, comments: this.comments } = lex(src));
    // The four per-token tables are views of one array: a typed array costs a microsecond or two to
    // allocate, whatever its size, and most files are small.
    const n = this.tokens.length;
    const tables = new Int32Array(4 * n + 2);
    this.match = tables.subarray(0, n);
    this.openers = tables.subarray(n, 2 * n);
    this.statementEnds = tables.subarray(2 * n, 3 * n + 1);
    this.commas = tables.subarray(3 * n + 1);
    matchBrackets(this.tokens, this.match, this.openers);
    this.guessed = this.tokens.some((t) => (t.kind === 'string' && ((t.quote === '/' && !t.sure) || t.quote === '$/' || t.unterminated)) || (t.kind === 'punct' && t.text === '/'));
  }

  /**
   * The bracket groups nested past MAX_NESTING `(`/`[` levels (a closure's body starts again at 0),
   * which the reader leaves unread: found from the brackets alone, so what is reported does not
   * depend on which arguments some rule happened to read.
   */
  get tooDeep(): Span[] {
    if (this.cuts) return this.cuts;
    const cuts: Span[] = [];
    const depths: number[] = [0];
    for (let i = 0; i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      if (t.kind !== 'punct') continue;
      if (t.text === '{') depths.push(0);
      else if (t.text === '}' && depths.length > 1) depths.pop();
      else if (t.text === '(' || t.text === '[') {
        const d = depths[depths.length - 1]! + 1;
        if (d < MAX_NESTING) {
          depths[depths.length - 1] = d;
          continue;
        }
        const close = this.match[i]!;
        cuts.push({ start: t.start, end: this.tokens[close]?.end ?? this.src.length });
        i = close;
      } else if ((t.text === ')' || t.text === ']') && depths[depths.length - 1]! > 0) depths[depths.length - 1]!--;
    }
    return (this.cuts = cuts);
  }

  /** Index of the bracket that closes the opener at token i (the token count when it is unclosed). */
  closerOf(i: number): number {
    return this.match[i]!;
  }

  /** Index of the bracket that the closer at token i closes (-1 when it closes none). */
  openerOf(i: number): number {
    return this.openers[i] ?? -1;
  }

  /** Index of the token starting exactly at `offset`, or -1. */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.tokens[mid]!.start;
      if (s === offset) return mid;
      if (s < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private tok(i: number): Token | undefined {
    return this.tokens[i];
  }
  private is(i: number, text: string): boolean {
    const t = this.tokens[i];
    return !!t && t.kind === 'punct' && t.text === text;
  }
  private skipNewlines(i: number): number {
    while (this.tokens[i]?.kind === 'newline') i++;
    return i;
  }
  /** End offset of the token before index i (the end of a construct that stops at i). */
  private endBefore(i: number): number {
    const t = this.tokens[Math.min(i, this.tokens.length) - 1];
    return t ? t.end : 0;
  }

  /**
   * Reads the call whose name token is at index i: `name(args) {…}`, `name {…}` or `name args`.
   * Each call is read once (memoized by its token), and its arguments only when first asked for, one
   * level deeper than the call: `a(b(c(…)))` thousands deep costs each call once, not once per
   * call around it.
   */
  readCall(i: number): { call: Call; next: number } | undefined {
    if (this.calls.has(i)) return this.calls.get(i);
    const read = this.readCallAt(i);
    this.calls.set(i, read);
    return read;
  }

  private readCallAt(i: number): { call: Call; next: number } | undefined {
    const nameTok = this.tok(i);
    if (!nameTok || nameTok.kind !== 'ident') return undefined;
    let j = i + 1;
    let argTokens: [number, number] | undefined;
    let command = false;
    if (this.is(j, '(')) {
      const close = this.match[j]!;
      argTokens = [j + 1, close];
      j = close + 1;
    } else if (!this.is(j, '{') && this.startsValue(j)) {
      command = true;
      const end = this.statementEnd(j);
      argTokens = [j, end];
      j = end;
    }
    let closure: Block | undefined;
    // A body's `{` on a line of its own, blank lines between, still belongs to a statement's call
    // (Allman braces: `podTemplate(…)` ⏎ `{`, `agent` ⏎ `{`): Groovy 2.4's grammar appends it
    // (groovy.g pathExpression, `(nls LCURLY)=> nlsWarn! appendedBlock`), with a warning only.
    if (!command && !this.is(j, '{') && this.tokens[j]?.kind === 'newline' && (j > i + 1 || this.startsStatement(i)) && this.is(this.skipNewlines(j), '{')) j = this.skipNewlines(j);
    if (this.is(j, '{')) {
      closure = this.block(j);
      j = closure.close + 1;
    } else if (argTokens) {
      // `podTemplate(label: 'x', { … })`: a closure written last inside the parentheses is the body,
      // as if written after them (workflow-cps DSL.parseArgs takes a trailing Closure argument as the body).
      const open = this.closureArgument(argTokens[0], argTokens[1]);
      if (open !== undefined) {
        closure = this.block(open);
        argTokens = [argTokens[0], open];
      }
    }
    if (!command && !closure && !this.is(i + 1, '(')) return undefined;
    const call = new LazyCall(this, nameTok, command, closure ? closure.end : this.endBefore(j), closure, argTokens, this.depth + 1);
    return { call, next: j };
  }

  private block(open: number): Block {
    const close = this.match[open]!;
    return { open, close, start: this.tokens[open]!.start, end: this.tokens[close]?.end ?? this.src.length };
  }

  /** Is the token at i the first of a statement (after a line break, `;`, `{` or `->`, or the first of all)? */
  private startsStatement(i: number): boolean {
    const prev = this.tokens[i - 1];
    return !prev || prev.kind === 'newline' || (prev.kind === 'punct' && (prev.text === ';' || prev.text === '{' || prev.text === '->'));
  }

  /** Index of the `{` of a closure that is the last argument in tokens [from, to) (a trailing comma allowed), if one is. */
  private closureArgument(from: number, to: number): number | undefined {
    let last = to - 1;
    while (last >= from && this.tokens[last]!.kind === 'newline') last--;
    if (last >= from && this.is(last, ',')) last--;
    while (last >= from && this.tokens[last]!.kind === 'newline') last--;
    if (last < from || !this.is(last, '}')) return undefined;
    const open = this.openers[last]!;
    if (open < from) return undefined;
    let before = open - 1;
    while (before >= from && this.tokens[before]!.kind === 'newline') before--;
    return before < from || this.is(before, ',') ? open : undefined;
  }

  /** Reads arguments as if `level` expressions deep, whatever the reading depth now (LazyCall asks). */
  readArgsAtLevel(from: number, to: number, level: number): Arg[] {
    const saved = this.depth;
    this.depth = level;
    try {
      return this.readArgs(from, to);
    } finally {
      this.depth = saved;
    }
  }

  /** The statements of a block: every call it makes at its own level, in order. */
  statements(block: Block): Call[] {
    const out: Call[] = [];
    let i = block.open + 1;
    while (i < block.close) {
      const t = this.tokens[i]!;
      if (t.kind === 'newline' || (t.kind === 'punct' && t.text === ';')) {
        i++;
        continue;
      }
      const end = this.statementEnd(i);
      if (t.kind === 'ident') {
        const read = this.readCall(i);
        if (read) out.push(read.call);
      }
      i = Math.max(end, i + 1);
    }
    return out;
  }

  /** Does the token at i start a value on the same line (a command-expression argument)? */
  private startsValue(i: number): boolean {
    const t = this.tok(i);
    if (!t) return false;
    if (t.kind === 'string' || t.kind === 'number' || t.kind === 'ident') return true;
    return t.kind === 'punct' && (t.text === '[' || t.text === '-' || t.text === '!');
  }

  /** Index of the token that ends the statement starting at `start` (newline, `;` or the block's `}`). */
  statementEnd(start: number): number {
    // Memoized: a file that is one long statement of command calls (a fuzzed 886 KB one took 1.4 s)
    // is walked once, not once per call in it.
    return walkMemoized(this.statementEnds, start, this.stepInStatement);
  }

  /** The next token the statement goes on to from token i, or -1 when it ends at i. */
  private readonly stepInStatement = (i: number): number => {
    const t = this.tokens[i];
    if (!t) return -1;
    if (t.kind === 'punct') {
      if (t.text in OPEN) return Math.min(this.match[i]! + 1, this.tokens.length);
      if (t.text === ';' || t.text === ')' || t.text === ']' || t.text === '}') return -1;
    }
    if (t.kind === 'newline') {
      // A statement goes on across a newline after a binary operator or comma, or before `.method`.
      const prev = this.tokens[i - 1];
      const nextIdx = this.skipNewlines(i);
      const next = this.tokens[nextIdx];
      const prevContinues = prev?.kind === 'punct' && /^(\+|-|\*|\/|,|=|==|&&|\|\||\?|:|\?:|\.|\?\.)$/.test(prev.text);
      const nextContinues = next?.kind === 'punct' && (next.text === '.' || next.text === '?.' || next.text === '?:' || next.text === '?');
      return prevContinues || nextContinues ? nextIdx : -1;
    }
    return i + 1;
  };

  /** The next comma at token i's level, or the end of the text; a group in brackets is passed over whole. */
  private nextComma(i: number): number {
    return walkMemoized(this.commas, i, this.stepToComma);
  }

  private readonly stepToComma = (i: number): number => {
    const t = this.tokens[i];
    if (!t || (t.kind === 'punct' && t.text === ',')) return -1;
    return t.kind === 'punct' && t.text in OPEN ? Math.min(this.match[i]! + 1, this.tokens.length) : i + 1;
  };

  /** Reads comma-separated arguments in token range [from, to). */
  readArgs(from: number, to: number): Arg[] {
    const args: Arg[] = [];
    let i = this.skipNewlines(from);
    while (i < to) {
      // One argument runs to the next comma at this level (memoized: a command call's arguments may
      // run to the end of a statement thousands of calls long).
      const end = Math.min(this.nextComma(i), to);
      const nameTok = this.tok(i);
      let valueFrom = i;
      let name: Arg['name'];
      if (nameTok && (nameTok.kind === 'ident' || nameTok.kind === 'string') && this.is(i + 1, ':')) {
        const text = nameTok.kind === 'ident' ? nameTok.text : decodeString(this.src, nameTok).text;
        name = { text, start: nameTok.start, end: nameTok.end };
        valueFrom = i + 2;
      }
      const value = this.readExpression(this.skipNewlines(valueFrom), end);
      if (value) args.push(name ? { name, value } : { value });
      i = this.skipNewlines(end + 1);
    }
    return args;
  }

  /**
   * Reads one expression spanning tokens [from, to); anything non-static becomes `dynamic`. The one
   * place reading recurses: past MAX_NESTING levels an expression is not read, only noted in `tooDeep`.
   */
  readExpression(from: number, to: number): Value | undefined {
    const end = Math.min(to, this.tokens.length);
    // Trim trailing newlines so the span ends at the last real token.
    let last = end;
    while (last > from && this.tokens[last - 1]!.kind === 'newline') last--;
    if (last <= from) return undefined;
    if (this.depth >= MAX_NESTING) {
      return { kind: 'dynamic', what: 'nested too deep', start: this.tokens[from]!.start, end: this.tokens[last - 1]!.end };
    }
    this.depth++;
    try {
      return this.readSum(from, last);
    } finally {
      this.depth--;
    }
  }

  /** `a + b + …` over tokens [from, last): strings concatenate; anything else is dynamic. */
  private readSum(from: number, last: number): Value {
    const parts: Value[] = [];
    let i = from;
    for (;;) {
      const r = this.readPostfix(i, last);
      parts.push(r.value);
      i = this.skipNewlines(r.next);
      if (i < last && this.is(i, '+')) {
        i = this.skipNewlines(i + 1);
        if (i >= last) break;
        continue;
      }
      break;
    }
    const start = this.tokens[from]!.start;
    const end = this.tokens[last - 1]!.end;
    if (i < last) return { kind: 'dynamic', what: 'expression', start, end };
    if (parts.length === 1) return parts[0];
    if (parts.every((p) => p.kind === 'string')) {
      const text = concat(parts.map((p) => (p as { text: MappedText }).text));
      return { kind: 'string', text, start, end };
    }
    return { kind: 'dynamic', what: 'expression', start, end };
  }

  private readPostfix(i: number, to: number): { value: Value; next: number } {
    let { value, next } = this.readPrimary(i, to);
    for (;;) {
      const j = this.skipNewlines(next);
      if (j >= to || !(this.is(j, '.') || this.is(j, '?.'))) break;
      const member = this.tok(j + 1);
      if (!member || member.kind !== 'ident') break;
      let k = j + 2;
      let called = false;
      if (this.is(k, '(')) {
        called = this.match[k]! === k + 1; // only argument-less calls are applied statically
        k = Math.min(this.match[k]! + 1, to);
        if (!called) {
          value = { kind: 'dynamic', what: `.${member.text}(…)`, start: value.start, end: this.endBefore(k) };
          next = k;
          continue;
        }
      }
      const span = { start: value.start, end: this.endBefore(k) };
      if (value.kind === 'string' && called && member.text === 'stripIndent') value = { ...value, text: stripIndent(value.text), ...span };
      else if (value.kind === 'string' && called && member.text === 'trim') value = { ...value, text: trim(value.text), ...span };
      else if (value.kind === 'string' && called && member.text === 'toString') value = { ...value, ...span };
      else value = { kind: 'dynamic', what: called ? `.${member.text}()` : `.${member.text}`, ...span };
      next = k;
    }
    return { value, next };
  }

  private readPrimary(i: number, to: number): { value: Value; next: number } {
    const t = this.tokens[i]!;
    const { start, end } = t;
    if (t.kind === 'string') return { value: { kind: 'string', text: decodeString(this.src, t), start, end }, next: i + 1 };
    if (t.kind === 'number') return { value: { kind: 'number', raw: t.text, start, end }, next: i + 1 };
    if (t.kind === 'punct' && t.text === '-' && this.tok(i + 1)?.kind === 'number') {
      const num = this.tokens[i + 1]!;
      return { value: { kind: 'number', raw: '-' + num.text, start, end: num.end }, next: i + 2 };
    }
    if (t.kind === 'ident') {
      if (t.text === 'true' || t.text === 'false') return { value: { kind: 'bool', raw: t.text, start, end }, next: i + 1 };
      if (t.text === 'null') return { value: { kind: 'null', raw: t.text, start, end }, next: i + 1 };
      if (this.is(i + 1, '(') || this.is(i + 1, '{')) {
        const read = this.readCall(i);
        if (read && read.next <= to) return { value: { kind: 'call', call: read.call, start: read.call.start, end: read.call.end }, next: read.next };
      }
      return { value: { kind: 'ident', name: t.text, start, end }, next: i + 1 };
    }
    if (t.kind === 'punct' && t.text === '[') {
      const close = this.match[i]!;
      const end = { start: t.start, end: this.tokens[close]?.end ?? this.src.length };
      if (this.is(i + 1, ':') && this.is(i + 2, ']')) return { value: { kind: 'map', entries: [], ...end }, next: close + 1 };
      const items = this.readArgs(i + 1, close);
      const value: Value = items.some((a) => a.name)
        ? { kind: 'map', entries: items, ...end }
        : { kind: 'list', items: items.map((a) => a.value), ...end };
      return { value, next: close + 1 };
    }
    if (t.kind === 'punct' && t.text === '(') {
      const close = this.match[i]!;
      const inner = this.readExpression(i + 1, close);
      const end = this.tokens[close]?.end ?? this.src.length;
      return { value: inner ? { ...inner, start: t.start, end } : { kind: 'dynamic', what: '()', start: t.start, end }, next: close + 1 };
    }
    // Anything else (a closure literal, an operator): skip to the end of this operand.
    const next = t.kind === 'punct' && t.text in OPEN ? this.match[i]! + 1 : i + 1;
    return { value: { kind: 'dynamic', what: t.text, start: t.start, end: this.endBefore(Math.min(next, to)) }, next };
  }
}

/**
 * Where a walk from `start` stops, `step` giving each next index (-1: it stops there). The walk from
 * any index it passes takes the same path, so each is recorded in `memo` (the stop plus one) and no
 * index is walked twice.
 */
function walkMemoized(memo: Int32Array, start: number, step: (i: number) => number): number {
  let stop = start;
  for (let i = start; ; ) {
    if (memo[i]) {
      stop = memo[i]! - 1;
      break;
    }
    const next = step(i);
    if (next < 0) {
      stop = i;
      break;
    }
    i = next;
  }
  for (let i = start; i >= 0 && i !== stop && !memo[i]; i = step(i)) memo[i] = stop + 1;
  return stop;
}

/** A bracket's kind by its character code: ( and ) are 0, [ and ] 1, { and } 2; -1 for anything else. */
function bracketKind(c: number): number {
  return c === 40 || c === 41 ? 0 : c === 91 || c === 93 ? 1 : c === 123 || c === 125 ? 2 : -1;
}

/** Fills in, for each opener, its closer (tokens.length when unclosed), and for each closer its opener (-1 when unmatched). */
function matchBrackets(tokens: Token[], match: Int32Array, openers: Int32Array): void {
  const n = tokens.length;
  match.fill(n);
  openers.fill(-1);
  const stack: number[] = [];
  // How many openers of each kind the stack holds, so an unmatched closer costs O(1), not a scan.
  const open = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punct' || t.text.length !== 1) continue;
    const c = t.text.charCodeAt(0);
    const kind = bracketKind(c);
    if (kind < 0) continue;
    if (c === 40 || c === 91 || c === 123) {
      stack.push(i);
      open[kind]!++;
      continue;
    }
    // Pop to the nearest opener of the same kind (the openers above it stay unclosed); an unmatched
    // closer is ignored. Each opener is popped once, so this is linear.
    if (!open[kind]) continue;
    for (;;) {
      const k = stack.pop()!;
      const popped = bracketKind(tokens[k]!.text.charCodeAt(0));
      open[popped]!--;
      if (popped === kind) {
        match[k] = i;
        openers[i] = k;
        break;
      }
    }
  }
}

/** The static string a value holds, when it is one. */
export function stringOf(v: Value | undefined): string | undefined {
  return v?.kind === 'string' ? v.text.text : undefined;
}

/**
 * A call whose arguments are read when first asked for, one level deeper than the call. A class, so
 * that the getter is the prototype's, not a closure made for every call read.
 */
class LazyCall implements Call {
  readonly name: string;
  readonly nameSpan: Span;
  readonly start: number;
  declare readonly closure?: Block;
  private read?: Arg[];

  constructor(
    private readonly reader: TokenReader,
    nameTok: Token,
    readonly command: boolean,
    readonly end: number,
    closure: Block | undefined,
    private readonly argTokens: [number, number] | undefined,
    private readonly level: number,
  ) {
    this.name = nameTok.text;
    this.nameSpan = { start: nameTok.start, end: nameTok.end };
    this.start = nameTok.start;
    // Absent rather than undefined, as `'closure' in call` reads it.
    if (closure) (this as { closure?: Block }).closure = closure;
  }

  get args(): Arg[] {
    return (this.read ??= this.argTokens ? this.reader.readArgsAtLevel(this.argTokens[0], this.argTokens[1], this.level) : []);
  }
}
