// Groovy statements and expressions read from the token reader's tokens, in the detail Jenkins'
// Declarative parser looks at: whether a statement is a method call on implicit `this`, its named
// and positional arguments and closures, constants versus GStrings, binary operators, assignments.
// Tolerant like the reader: it never throws, and what it cannot place becomes `other`.

import type { Token } from '../parse/lexer.js';
import { decodeString, type MappedText } from '../extract/mapped-text.js';
import type { TokenReader } from '../extract/reader.js';

export interface Span {
  start: number;
  end: number;
}

export type Expr = Span &
  (
    | { kind: 'string'; text: MappedText }
    | { kind: 'gstring'; text: MappedText }
    | { kind: 'number'; raw: string }
    | { kind: 'bool'; value: boolean }
    | { kind: 'null' }
    | { kind: 'var'; name: string }
    | { kind: 'property'; object: Expr; name: string }
    | { kind: 'call'; call: GCall }
    | { kind: 'closure'; body: Body }
    | { kind: 'list'; items: Expr[] }
    | { kind: 'map'; entries: Entry[] }
    | { kind: 'binary'; op: string; left: Expr; right: Expr }
    | { kind: 'unary'; op: string; operand: Expr }
    | { kind: 'ternary' | 'elvis' | 'other' }
  );

/** A `key: value` pair of a map literal or of named arguments. */
export interface Entry extends Span {
  key: Expr;
  value: Expr;
}

/** A closure's body: its `{` and `}` token indexes and source span. */
export interface Body extends Span {
  open: number;
  close: number;
}

export interface GCall extends Span {
  /** The object the method is called on; absent for implicit `this`. */
  receiver?: Expr;
  /** The method name, when it is a plain name. */
  name?: string;
  nameSpan: Span;
  /** Named arguments; Groovy passes them as one map, first. */
  named: Entry[];
  /** Positional arguments in order, closures written inside the parentheses included. */
  positional: Expr[];
  /** Closures after the parentheses (or after the name): `foo(x) { … }`, `foo { … }`. */
  trailing: Expr[];
  /** End of the call's head: past `)`, or the last command argument, before any trailing closure. */
  headEnd: number;
}

export interface Statement extends Span {
  /** The expression the statement is; absent for a declaration or a keyword statement (if, def, for, try, …). */
  expr?: Expr;
}

/** Every argument as Groovy passes it: the named ones as one map first, then the positional, then trailing closures. */
export function groovyArgs(c: GCall): Expr[] {
  const map: Expr[] = c.named.length ? [{ kind: 'map', entries: c.named, start: c.named[0]!.start, end: c.named[c.named.length - 1]!.end }] : [];
  return [...map, ...c.positional, ...c.trailing];
}

/** How many arguments Groovy passes (`groovyArgs(c).length`, without building the list). */
export function argCount(c: GCall): number {
  return (c.named.length ? 1 : 0) + c.positional.length + c.trailing.length;
}

/** The last of `groovyArgs(c)`, without building the list for a call with positional or closure arguments. */
export function lastArg(c: GCall): Expr | undefined {
  if (c.trailing.length) return c.trailing[c.trailing.length - 1];
  if (c.positional.length) return c.positional[c.positional.length - 1];
  return c.named.length ? groovyArgs(c)[0] : undefined;
}

/** The call a statement is, when it is a method call. */
export function callOf(s: Statement | undefined): GCall | undefined {
  return s?.expr?.kind === 'call' ? s.expr.call : undefined;
}

/** The method name of a call on implicit `this` (or `this.`), as Jenkins' matchMethodName reads it. */
export function thisMethodName(c: GCall): string | undefined {
  if (c.receiver && !(c.receiver.kind === 'var' && c.receiver.name === 'this')) return undefined;
  return c.name;
}

/** A string constant or a bare name, as Jenkins' matchStringLiteral reads it. */
export function stringLiteral(e: Expr | undefined): string | undefined {
  if (e?.kind === 'string') return e.text.text;
  if (e?.kind === 'var') return e.name;
  return undefined;
}

const KEYWORDS = new Set([
  'def', 'if', 'else', 'for', 'while', 'do', 'try', 'catch', 'finally', 'return', 'switch', 'case', 'throw', 'import', 'package', 'class',
  'interface', 'enum', 'trait', 'static', 'final', 'assert', 'break', 'continue', 'synchronized', 'abstract', 'private', 'public', 'protected', 'var',
]);
/** Keywords that continue the statement before them. */
const CONTINUES = new Set(['else', 'catch', 'finally']);
const PRIMITIVES = new Set(['int', 'long', 'short', 'byte', 'char', 'boolean', 'float', 'double', 'void']);
const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '**=', '<<=', '>>=', '>>>=', '&=', '|=', '^=', '?=']);
const BINARY: Record<string, number> = {
  '||': 3, '&&': 4, '|': 5, '^': 6, '&': 7, '==': 8, '!=': 8, '<=>': 8, '===': 8, '!==': 8, '<': 9, '>': 9, '<=': 9, '>=': 9, in: 9, instanceof: 9,
  '=~': 10, '<<': 11, '>>': 11, '>>>': 11, '..': 11, '+': 12, '-': 12, '*': 13, '/': 13, '%': 13, '**': 14,
};

const UNARY = new Set(['!', '-', '+', '~', '++', '--']);
const TERNARY = new Set(['?', '?:']);
/** What continues an expression with a member: `.name`, `?.name`, `*.name`, `.@field`, `.&method`. */
const MEMBER = new Set(['.', '?.', '*.', '.@', '.&']);

/** Tokens after which a literal is a whole expression: nothing can continue it. */
const ENDS_LITERAL = new Set([',', ')', ']', '}', ';', ':']);

/** The argument lists of a call that has none, shared (frozen: nothing may add to them). */
const NONE = Object.freeze([]) as unknown as never[];

/** How deep expressions are read (brackets, calls, operators in operators); deeper is `other`. */
const MAX_DEPTH = 100;

/** Reads statements and expressions from a reader's tokens. */
export class GroovyReader {
  private readonly toks: Token[];
  /** Expression depth now being read, shared by every parser so that nesting through arguments counts. */
  depth = 0;

  constructor(readonly reader: TokenReader) {
    this.toks = reader.tokens;
  }

  /** The statements of a closure body, in order. */
  statements(body: Body): Statement[] {
    return this.statementsIn(body.open + 1, body.close);
  }

  /** The statements of tokens [from, to). */
  statementsIn(from: number, to: number): Statement[] {
    const out: Statement[] = [];
    let i = from;
    while (i < to) {
      const t = this.toks[i]!;
      if (t.kind === 'newline' || this.isPunct(i, ';')) {
        i++;
        continue;
      }
      const { statement, next } = this.statement(i, to);
      out.push(statement);
      i = Math.max(next, i + 1);
    }
    return out;
  }

  /** The source text of a span. */
  text(s: Span): string {
    return this.reader.src.slice(s.start, s.end);
  }

  private statement(i: number, to: number): { statement: Statement; next: number } {
    const t = this.toks[i]!;
    if ((t.kind === 'ident' && KEYWORDS.has(t.text)) || this.isDeclaration(i, to)) {
      let end = this.reader.statementEnd(i);
      // `if … else …`, `try … catch … finally …`: one statement.
      for (;;) {
        const k = this.skipNl(end, to);
        if (k < to && this.toks[k]!.kind === 'ident' && CONTINUES.has(this.toks[k]!.text)) end = this.reader.statementEnd(k);
        else break;
      }
      end = Math.min(Math.max(end, i + 1), to);
      return { statement: { start: t.start, end: this.toks[end - 1]!.end }, next: end };
    }
    const p = new ExprParser(this, i, to, true);
    const expr = p.parseStatementExpr();
    let next = p.pos;
    // Whatever follows on the same line makes the statement something this reading does not know.
    if (next < to && !this.endsStatement(next)) {
      const end = Math.min(Math.max(this.reader.statementEnd(next), next + 1), to);
      return { statement: { start: t.start, end: this.toks[end - 1]!.end, expr: { kind: 'other', start: t.start, end: this.toks[end - 1]!.end } }, next: end };
    }
    return { statement: { start: expr.start, end: expr.end, expr }, next };
  }

  /** `String x = …`, `def x`, `List<String> xs`, `int n`: a declaration, not a command call. */
  private isDeclaration(i: number, to: number): boolean {
    const a = this.toks[i];
    const b = this.toks[i + 1];
    if (a?.kind !== 'ident' || i + 1 >= to) return false;
    if (this.isPunct(i + 1, '<') || (this.isPunct(i + 1, '[') && this.isPunct(i + 2, ']'))) return /^[A-Z]/.test(a.text) || PRIMITIVES.has(a.text);
    if (b?.kind !== 'ident' || b.text in BINARY || b.text === 'as') return false;
    if (this.isPunct(i + 2, '=')) return true;
    return (/^[A-Z]/.test(a.text) || PRIMITIVES.has(a.text)) && (i + 2 >= to || this.endsStatement(i + 2));
  }

  endsStatement(i: number): boolean {
    const t = this.toks[i];
    return !t || t.kind === 'newline' || (t.kind === 'punct' && (t.text === ';' || t.text === '}'));
  }

  isPunct(i: number, text: string): boolean {
    const t = this.toks[i];
    return !!t && t.kind === 'punct' && t.text === text;
  }

  skipNl(i: number, to: number): number {
    while (i < to && this.toks[i]!.kind === 'newline') i++;
    return i;
  }

  token(i: number): Token | undefined {
    return this.toks[i];
  }
}

/** Precedence climbing over tokens [pos, to); newlines end the expression where Groovy ends it. */
class ExprParser {
  /** Inside brackets, where newlines never end anything. */
  private nested = 0;

  constructor(
    private readonly g: GroovyReader,
    public pos: number,
    private readonly to: number,
    /** A command expression (`name arg, …`) may start here. */
    private readonly statementLevel: boolean,
  ) {}

  private tok(i = this.pos): Token | undefined {
    return i < this.to ? this.g.token(i) : undefined;
  }
  private punct(text: string, i = this.pos): boolean {
    return i < this.to && this.g.isPunct(i, text);
  }
  /** Skips newlines if the current context lets an expression go on past them. */
  private skipNlIfNested(): void {
    if (this.nested) this.pos = this.g.skipNl(this.pos, this.to);
  }
  private endOf(i: number): number {
    return this.g.token(i - 1)?.end ?? 0;
  }

  parseStatementExpr(): Expr {
    return this.assignment(this.statementLevel);
  }

  /**
   * A string or number that a `,`, `)`, `]`, `}`, `;` or `:` (or the range's end) follows is the whole
   * expression: most arguments are, and reading them through every precedence level was most of the
   * expression reader's time.
   */
  private literalAlone(): Expr | undefined {
    const t = this.tok();
    if (!t || (t.kind !== 'string' && t.kind !== 'number')) return undefined;
    const next = this.tok(this.pos + 1);
    if (next && !(next.kind === 'punct' && ENDS_LITERAL.has(next.text))) return undefined;
    this.pos++;
    return t.kind === 'string' ? new StringExpr(this.g.reader.src, t) : { kind: 'number', raw: t.text, start: t.start, end: t.end };
  }

  /** Past MAX_DEPTH nothing more is read: the rest of the range is one `other` (no recursion input controls). */
  private tooDeep(): Expr | undefined {
    if (this.g.depth < MAX_DEPTH) return undefined;
    const start = this.tok()?.start ?? this.endOf(this.pos);
    this.pos = this.to;
    return { kind: 'other', start, end: Math.max(start, this.endOf(this.pos)) };
  }

  private assignment(command: boolean): Expr {
    const deep = this.tooDeep();
    if (deep) return deep;
    const alone = this.literalAlone();
    if (alone) return alone;
    this.g.depth++;
    try {
      return this.assignmentAt(command);
    } finally {
      this.g.depth--;
    }
  }

  private assignmentAt(command: boolean): Expr {
    const left = this.ternary(command);
    this.skipNlIfNested();
    const t = this.tok();
    if (t?.kind === 'punct' && ASSIGN.has(t.text)) {
      this.pos++;
      this.pos = this.g.skipNl(this.pos, this.to);
      // The right side of an assignment may be a command expression: `FOO = readFile 'v'`.
      const right = this.assignment(true);
      return { kind: 'binary', op: t.text, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private ternary(command: boolean): Expr {
    const cond = this.binary(0, command);
    const at = this.continuation(TERNARY);
    if (at < 0) return cond;
    const op = this.g.token(at)!.text;
    this.pos = this.g.skipNl(at + 1, this.to);
    if (op === '?:') {
      const other = this.assignment(false);
      return { kind: 'elvis', start: cond.start, end: other.end };
    }
    this.nested++;
    this.binary(0, false);
    this.pos = this.g.skipNl(this.pos, this.to);
    if (this.punct(':')) this.pos++;
    this.nested--;
    this.pos = this.g.skipNl(this.pos, this.to);
    const other = this.assignment(false);
    return { kind: 'ternary', start: cond.start, end: other.end };
  }

  /** Index of one of these operators, here or (at statement level) at the start of the next line; -1 if none. */
  private continuation(ops: ReadonlySet<string>): number {
    const here = this.nested ? this.g.skipNl(this.pos, this.to) : this.pos;
    if (this.punctIn(ops, here)) return here;
    if (!this.nested && this.tok()?.kind === 'newline') {
      const next = this.g.skipNl(this.pos, this.to);
      if (this.punctIn(ops, next)) return next;
    }
    return -1;
  }

  private punctIn(ops: ReadonlySet<string>, i: number): boolean {
    const t = this.tok(i);
    return t?.kind === 'punct' && ops.has(t.text);
  }

  private binary(minPrec: number, command: boolean): Expr {
    let left = this.unary(command);
    for (;;) {
      this.skipNlIfNested();
      const t = this.tok();
      const prec = t && (t.kind === 'punct' || t.kind === 'ident') ? BINARY[t.text] : undefined;
      if (prec === undefined || prec <= minPrec) return left;
      this.pos++;
      this.pos = this.g.skipNl(this.pos, this.to);
      const deep = this.tooDeep();
      if (deep) return deep;
      this.g.depth++;
      const right = this.binary(t!.text === '**' ? prec - 1 : prec, false);
      this.g.depth--;
      left = { kind: 'binary', op: t!.text, left, right, start: left.start, end: right.end };
    }
  }

  private unary(command: boolean): Expr {
    const t = this.tok();
    if (t?.kind === 'punct' && UNARY.has(t.text)) {
      this.pos++;
      const deep = this.tooDeep();
      if (deep) return deep;
      this.g.depth++;
      const operand = this.unary(false);
      this.g.depth--;
      // `-1` is a constant in Groovy's tree, as Jenkins reads it.
      if (t.text === '-' && operand.kind === 'number' && !operand.raw.startsWith('-')) return { kind: 'number', raw: '-' + operand.raw, start: t.start, end: operand.end };
      return { kind: 'unary', op: t.text, operand, start: t.start, end: operand.end };
    }
    return this.postfix(this.primary(command));
  }

  private postfix(e: Expr): Expr {
    for (;;) {
      const at = this.continuation(MEMBER);
      if (at >= 0) {
        const name = this.g.token(at + 1);
        if (!name || at + 1 >= this.to || (name.kind !== 'ident' && name.kind !== 'string')) return e;
        this.pos = at + 2;
        const memberName = name.kind === 'ident' ? name.text : undefined;
        const call = this.callRest(e, memberName, { start: name.start, end: name.end }, false);
        e = call ?? { kind: 'property', object: e, name: memberName ?? '', start: e.start, end: name.end };
        continue;
      }
      if (this.punct('(') && e.kind !== 'var') {
        // A call on an expression's result: `foo()()`, `(x)(y)`.
        const call = this.callRest(e, undefined, { start: e.start, end: e.end }, false);
        if (call) {
          e = call;
          continue;
        }
      }
      if (this.punct('[')) {
        const close = this.g.reader.closerOf(this.pos);
        this.pos = Math.min(close + 1, this.to);
        e = { kind: 'other', start: e.start, end: this.endOf(this.pos) };
        continue;
      }
      if (this.punct('++') || this.punct('--')) {
        this.pos++;
        e = { kind: 'other', start: e.start, end: this.endOf(this.pos) };
        continue;
      }
      const t = this.tok();
      if (t?.kind === 'ident' && t.text === 'as') {
        this.pos++;
        if (this.tok()?.kind === 'ident') this.pos++;
        e = { kind: 'other', start: e.start, end: this.endOf(this.pos) };
        continue;
      }
      return e;
    }
  }

  private primary(command: boolean): Expr {
    const t = this.tok();
    if (!t) return { kind: 'other', start: this.endOf(this.pos), end: this.endOf(this.pos) };
    if (t.kind === 'string') {
      this.pos++;
      return new StringExpr(this.g.reader.src, t);
    }
    if (t.kind === 'number') {
      this.pos++;
      return { kind: 'number', raw: t.text, start: t.start, end: t.end };
    }
    if (t.kind === 'ident') {
      if (t.text === 'true' || t.text === 'false') {
        this.pos++;
        return { kind: 'bool', value: t.text === 'true', start: t.start, end: t.end };
      }
      if (t.text === 'null') {
        this.pos++;
        return { kind: 'null', start: t.start, end: t.end };
      }
      if (t.text === 'new') {
        // `new Foo(…)`: an object, never a step or a literal.
        this.pos++;
        if (this.tok()?.kind === 'ident') this.pos++;
        while (this.punct('.') && this.tok(this.pos + 1)?.kind === 'ident') this.pos += 2;
        if (this.punct('(')) this.pos = Math.min(this.g.reader.closerOf(this.pos) + 1, this.to);
        if (this.punct('{')) this.pos = Math.min(this.g.reader.closerOf(this.pos) + 1, this.to);
        return { kind: 'other', start: t.start, end: this.endOf(this.pos) };
      }
      this.pos++;
      const call = this.callRest(undefined, t.text, { start: t.start, end: t.end }, command);
      return call ?? { kind: 'var', name: t.text, start: t.start, end: t.end };
    }
    if (t.kind === 'punct' && t.text === '(') {
      const close = this.g.reader.closerOf(this.pos);
      const inner = this.sub(this.pos + 1, Math.min(close, this.to));
      this.pos = Math.min(close + 1, this.to);
      return { ...inner, start: t.start, end: this.endOf(this.pos) };
    }
    if (t.kind === 'punct' && t.text === '[') return this.listOrMap();
    if (t.kind === 'punct' && t.text === '{') return this.closure(this.pos);
    this.pos++;
    return { kind: 'other', start: t.start, end: t.end };
  }

  /** The closure whose `{` is token `open`; the position moves past it. */
  private closure(open: number): Expr {
    const close = this.g.reader.closerOf(open);
    this.pos = Math.min(close + 1, this.to);
    const start = this.g.token(open)!.start;
    const end = this.endOf(this.pos);
    return { kind: 'closure', body: { open, close, start, end }, start, end };
  }

  /** Parses tokens [from, to) as one expression inside brackets. */
  private sub(from: number, to: number): Expr {
    const p = new ExprParser(this.g, this.g.skipNl(from, to), to, false);
    p.nested = 1;
    const e = p.assignment(false);
    return e;
  }

  private listOrMap(): Expr {
    const open = this.pos;
    const close = this.g.reader.closerOf(open);
    const end = Math.min(close, this.to);
    const start = this.g.token(open)!.start;
    this.pos = Math.min(close + 1, this.to);
    const span = { start, end: this.endOf(this.pos) };
    if (this.punct(':', open + 1) && this.punct(']', open + 2)) return { kind: 'map', entries: [], ...span };
    const { named, positional } = this.args(open + 1, end);
    return named.length ? { kind: 'map', entries: named, ...span } : { kind: 'list', items: positional, ...span };
  }

  /** Comma-separated arguments in tokens [from, to): `key: value` pairs and plain values. */
  private args(from: number, to: number): { named: Entry[]; positional: Expr[] } {
    const named: Entry[] = [];
    const positional: Expr[] = [];
    let i = this.g.skipNl(from, to);
    while (i < to) {
      const p = new ExprParser(this.g, i, to, false);
      p.nested = 1;
      const first = p.tok();
      let entry: Entry | undefined;
      if (first && (first.kind === 'ident' || first.kind === 'string' || first.kind === 'number') && p.punct(':', i + 1)) {
        const key = p.primaryKey();
        p.pos = this.g.skipNl(i + 2, to);
        const value = p.assignment(false);
        entry = { key, value, start: first.start, end: value.end };
      }
      const value = entry ? undefined : p.assignment(false);
      if (entry) named.push(entry);
      else positional.push(value!);
      i = this.g.skipNl(p.pos, to);
      // Skip to the next comma at this level (anything unread in between makes no argument).
      while (i < to && !this.g.isPunct(i, ',')) {
        const t = this.g.token(i)!;
        i = t.kind === 'punct' && (t.text === '(' || t.text === '[' || t.text === '{') ? Math.min(this.g.reader.closerOf(i) + 1, to) : i + 1;
      }
      i = this.g.skipNl(i + 1, to);
    }
    return { named, positional };
  }

  private primaryKey(): Expr {
    const t = this.tok()!;
    this.pos++;
    if (t.kind === 'string') return new StringExpr(this.g.reader.src, t);
    if (t.kind === 'number') return { kind: 'number', raw: t.text, start: t.start, end: t.end };
    return { kind: 'var', name: t.text, start: t.start, end: t.end };
  }

  /**
   * After a method name (on `receiver`, or implicit `this`): `(args)` and trailing closures, a closure
   * alone, or (where a statement may be a command) command arguments. Undefined when it is no call.
   */
  private callRest(receiver: Expr | undefined, name: string | undefined, nameSpan: Span, command: boolean): Expr | undefined {
    const start = receiver ? receiver.start : nameSpan.start;
    // Most names read here are no call (`x`, `env.FOO`): nothing is allocated for them.
    let named: Entry[] = NONE;
    let positional: Expr[] = NONE;
    let parens = false;
    if (this.punct('(')) {
      parens = true;
      const close = this.g.reader.closerOf(this.pos);
      ({ named, positional } = this.args(this.pos + 1, Math.min(close, this.to)));
      this.pos = Math.min(close + 1, this.to);
    } else if (command && !this.punct('{') && this.startsCommandArg()) {
      const end = this.commandEnd();
      ({ named, positional } = this.args(this.pos, end));
      this.pos = end;
      return this.finish(receiver, name, nameSpan, named, positional, NONE, start, this.endOf(this.pos));
    }
    const headEnd = this.endOf(this.pos);
    let trailing: Expr[] | undefined;
    for (;;) {
      let k = this.pos;
      if (!this.punct('{', k)) {
        // A statement's closure on a line of its own still belongs to it (Allman braces:
        // `stage('x')` ⏎ `{`), as the extractor reads it; inside an expression it does not.
        if (!this.statementLevel || this.nested) break;
        k = this.g.skipNl(this.pos, this.to);
        if (k === this.pos || !this.punct('{', k)) break;
      }
      (trailing ??= []).push(this.closure(k));
    }
    if (!parens && !trailing) return undefined;
    return this.finish(receiver, name, nameSpan, named, positional, trailing ?? NONE, start, headEnd);
  }

  private finish(receiver: Expr | undefined, name: string | undefined, nameSpan: Span, named: Entry[], positional: Expr[], trailing: Expr[], start: number, headEnd: number): Expr {
    const end = this.endOf(this.pos);
    const call: GCall = { nameSpan, named, positional, trailing, headEnd, start, end };
    if (receiver) call.receiver = receiver;
    if (name !== undefined) call.name = name;
    return { kind: 'call', call, start, end };
  }

  /** Does a command argument start here, on the same line (`sh 'x'`, `agent any`, `timeout time: 5`)? */
  private startsCommandArg(): boolean {
    const t = this.tok();
    if (!t) return false;
    if (t.kind === 'string' || t.kind === 'number') return true;
    if (t.kind === 'ident') return !(t.text in BINARY) && t.text !== 'as';
    return t.kind === 'punct' && (t.text === '[' || (t.text === '-' && this.tok(this.pos + 1)?.kind === 'number'));
  }

  /** Where a command's arguments end: the statement's end, as the reader finds it. */
  private commandEnd(): number {
    return Math.min(Math.max(this.g.reader.statementEnd(this.pos), this.pos), this.to);
  }
}

/**
 * A string literal, decoded only when its text is asked for (most are step arguments no check
 * reads). A GString when it interpolates: `"${x}"` or `"$x"`, not an escaped `\\$`.
 */
class StringExpr {
  readonly kind: 'string' | 'gstring';
  readonly start: number;
  readonly end: number;
  private decoded?: MappedText;

  constructor(
    private readonly src: string,
    private readonly tok: Token,
  ) {
    this.start = tok.start;
    this.end = tok.end;
    this.kind = interpolates(src, tok) ? 'gstring' : 'string';
  }

  get text(): MappedText {
    return (this.decoded ??= decodeString(this.src, this.tok));
  }
}

/** Whether a string token holds an interpolation, by the same reading decodeString makes of it. */
function interpolates(src: string, t: Token): boolean {
  const q = t.quote!;
  if (q !== '"' && q !== '"""' && q !== '/' && q !== '$/') return false;
  const end = t.unterminated ? t.end : t.end - (q === '$/' ? 2 : q.length);
  for (let i = t.start + q.length; i < end; i++) {
    const ch = src[i];
    if (q === '$/' && ch === '$' && (src[i + 1] === '$' || src[i + 1] === '/')) i++;
    else if (q !== '$/' && ch === '\\') i += q === '/' ? (src[i + 1] === '/' ? 1 : 0) : 1;
    else if (ch === '$' && (src[i + 1] === '{' || /[A-Za-z_]/.test(src[i + 1] ?? ''))) return true;
  }
  return false;
}
