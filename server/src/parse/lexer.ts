// A small Groovy lexer: strings (all quote forms, GString interpolations), comments, numbers,
// identifiers and punctuation. tree-sitter-groovy misreads several Groovy forms that Jenkinsfiles
// use every day (see DESIGN.md "Parsing"); the extractor reads arguments from these tokens so that
// an ERROR node in the tree never hides a pod template's options.

export type StringQuote = "'" | '"' | "'''" | '"""' | '/' | '$/';

export interface Token {
  kind: 'ident' | 'string' | 'number' | 'punct' | 'newline' | 'comment';
  start: number;
  end: number;
  /** ident/number/punct/comment: the source text. string: unused (see quote). */
  text: string;
  /** strings only */
  quote?: StringQuote;
  /** strings only: true when the string was not closed before the end of input */
  unterminated?: boolean;
  /**
   * Slashy strings only: true after a token that only an expression can follow (`=~ /…/`, `(/…/`,
   * `~/…/`), where Groovy's lexer too reads a `/` as a string's start, never as division.
   */
  sure?: boolean;
}

/** Whether a token (maybe absent: past either end) is the punctuation `text`. */
export function isPunct(t: Token | undefined, text: string): boolean {
  return t?.kind === 'punct' && t.text === text;
}

const PUNCT3 = ['?.@', '...', '**=', '<=>', '>>>', '<<=', '>>=', '!==', '==='];
const MULTI_START = new Set('?.*<>!=-+&|/%:'.split(''));
const PUNCT2 = ['?.', '?:', '*.', '.&', '.@', '..', '->', '==', '!=', '<=', '>=', '&&', '||', '++', '--', '+=', '-=', '*=', '/=', '%=', '<<', '>>', '=~', '**', '::'];

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Tokens that end a value, after which `/` is division rather than a slashy string. */
function endsValue(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.kind === 'ident' || t.kind === 'number' || t.kind === 'string') return true;
  return t.kind === 'punct' && (t.text === ')' || t.text === ']' || t.text === '}');
}

/** The tokens of `src`, comments apart (the readers skip them; suppression directives read them). */
export function lex(src: string): { tokens: Token[]; comments: Token[] } {
  const tokens: Token[] = [];
  const comments: Token[] = [];
  const n = src.length;
  let i = 0;
  let lastSignificant: Token | undefined;
  // Brace depth inside GString interpolations, so `}` can close `${`.
  // Every token has every field, so that all share one hidden class: the reader, the parsers and the
  // rules read tokens everywhere, and mixed shapes made each of those reads polymorphic.
  const push = (kind: Token['kind'], start: number, end: number, text: string, quote?: StringQuote, unterminated?: boolean, sure?: boolean) => {
    const t: Token = { kind, start, end, text, quote, unterminated: unterminated || undefined, sure: sure || undefined };
    if (kind === 'comment') {
      comments.push(t);
      return;
    }
    tokens.push(t);
    if (kind !== 'newline') lastSignificant = t;
  };
  while (i < n) {
    const c = src.charCodeAt(i);
    // LF, CRLF and a lone CR each end a line, in Groovy as in LSP.
    if (c === 10 || (c === 13 && src.charCodeAt(i + 1) !== 10)) {
      push('newline', i, i + 1, '\n');
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 12 || c === 0xfeff) {
      i++;
      continue;
    }
    // Line continuation outside strings.
    if (c === 92 && (src[i + 1] === '\n' || (src[i + 1] === '\r' && src[i + 2] === '\n'))) {
      i += src[i + 1] === '\r' ? 3 : 2;
      continue;
    }
    if (c === 47 /* / */ && src[i + 1] === '/') {
      const j = lineEnd(src, i);
      push('comment', i, j, src.slice(i, j));
      i = j;
      continue;
    }
    if (c === 47 && src[i + 1] === '*') {
      let j = src.indexOf('*/', i + 2);
      j = j < 0 ? n : j + 2;
      push('comment', i, j, src.slice(i, j));
      i = j;
      continue;
    }
    if (c === 35 /* # */ && i === 0 && src[1] === '!') {
      const j = lineEnd(src, 0);
      push('comment', 0, j, src.slice(0, j));
      i = j;
      continue;
    }
    if (c === 39 || c === 34) {
      const q = src[i] as "'" | '"';
      const triple = src[i + 1] === q && src[i + 2] === q;
      const quote: StringQuote = triple ? (q === "'" ? "'''" : '"""') : q;
      const end = scanQuoted(src, i, quote);
      push('string', i, end.end, '', quote, end.unterminated);
      i = end.end;
      continue;
    }
    if (c === 36 /* $ */ && src[i + 1] === '/') {
      const end = scanDollarSlashy(src, i);
      push('string', i, end.end, '', '$/', end.unterminated);
      i = end.end;
      continue;
    }
    if (c === 47 && !endsValue(lastSignificant) && src[i + 1] !== ' ' && src[i + 1] !== '=' && src[i + 1] !== '\n') {
      const sure = startsExpression(lastSignificant);
      const end = scanSlashy(src, i, sure);
      if (end) {
        push('string', i, end, '', '/', false, sure);
        i = end;
        continue;
      }
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentPart(src.charCodeAt(j))) j++;
      push('ident', i, j, src.slice(i, j));
      i = j;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(i + 1)) && !endsValue(lastSignificant))) {
      let j = i + 1;
      while (j < n && (isIdentPart(src.charCodeAt(j)) || src[j] === '.')) {
        if (src[j] === '.' && !isDigit(src.charCodeAt(j + 1))) break;
        j++;
      }
      push('number', i, j, src.slice(i, j));
      i = j;
      continue;
    }
    let p = src[i]!;
    // Only characters that begin a multi-character operator need the longer look-ups.
    if (MULTI_START.has(p)) {
      const three = src.slice(i, i + 3);
      const two = src.slice(i, i + 2);
      if (PUNCT3.includes(three)) p = three;
      else if (PUNCT2.includes(two)) p = two;
    }
    push('punct', i, i + p.length, p);
    i += p.length;
  }
  return { tokens, comments };
}

/**
 * A string inside an interpolation inside a string …: what the scanner is in. Kept on an explicit
 * stack, so that input nesting cannot exhaust the call stack (`"${"${"${…` thousands deep).
 */
type Frame = { quote: StringQuote } | { braces: number };

/**
 * Scans from `i` with `stack` open until the stack empties. A string frame closes at its quote; an
 * interpolation frame at the `}` that balances its `${`, or (unclosed) at a line end: interpolations
 * do not span lines in practice, so a stray `${` cannot swallow the file. A single-line string that
 * meets a line end is left open there.
 */
function scan(src: string, i: number, stack: Frame[]): { end: number; unterminated: boolean } {
  const n = src.length;
  let unterminated = false;
  while (stack.length) {
    if (i >= n) return { end: n, unterminated: true };
    const top = stack[stack.length - 1]!;
    if ('quote' in top) {
      const quote = top.quote;
      // Past the characters that cannot end or interpolate this string, in one tight loop: most of a
      // Jenkinsfile's text is in strings.
      const q0 = quote.charCodeAt(0);
      let c = src.charCodeAt(i);
      while (c !== q0 && c !== 92 /* \\ */ && c !== 36 /* $ */ && c !== 10 && c !== 13 && i < n) c = src.charCodeAt(++i);
      if (i >= n) continue;
      const ch = src[i]!;
      if (ch === '\\') {
        // An escape, or a line continuation (backslash before LF or CRLF).
        i += src[i + 1] === '\r' && src[i + 2] === '\n' ? 3 : 2;
        continue;
      }
      if (quote.length === 1 && isLineBreak(src, i)) {
        stack.pop();
        unterminated ||= stack.length === 0;
        continue;
      }
      if (src.startsWith(quote, i)) {
        // A triple-quoted string closes at the *last* of a run of quotes (`""""` ends with a `"` inside).
        i += quote.length;
        if (quote.length === 3) while (src[i] === quote[0]) i++;
        stack.pop();
        continue;
      }
      if ((quote === '"' || quote === '"""') && ch === '$' && src[i + 1] === '{') {
        stack.push({ braces: 1 });
        i += 2;
        continue;
      }
      i++;
      continue;
    }
    const ch = src[i]!;
    if (ch === '{') top.braces++;
    else if (ch === '}') {
      if (--top.braces === 0) stack.pop();
    } else if (ch === "'" || ch === '"') {
      const q = src[i + 1] === ch && src[i + 2] === ch ? (ch.repeat(3) as StringQuote) : (ch as StringQuote);
      stack.push({ quote: q });
      i += q.length;
      continue;
    } else if (isLineBreak(src, i)) {
      stack.pop();
      continue;
    }
    i++;
  }
  return { end: i, unterminated };
}

/** The offset of the line break (LF or CR) at or after `i`, or the text's length. */
function lineEnd(src: string, i: number): number {
  const n = src.length;
  while (i < n && !isLineBreak(src, i)) i++;
  return i;
}

function isLineBreak(src: string, i: number): boolean {
  return src[i] === '\n' || src[i] === '\r';
}

/** Scan a quoted string starting at `start`; GString `${…}` may contain nested strings and braces. */
function scanQuoted(src: string, start: number, quote: StringQuote): { end: number; unterminated: boolean } {
  return scan(src, start + quote.length, [{ quote }]);
}

/** Returns the offset just past the `}` that closes an interpolation whose body starts at `i`. */
export function skipInterpolation(src: string, i: number): number {
  return scan(src, i, [{ braces: 1 }]).end;
}

/** Tokens after which only an expression can follow, so a `/` there surely opens a slashy string. */
const EXPRESSION_BEFORE = new Set(['=', '(', ',', '[', ':', '=~', '~']);
function startsExpression(t: Token | undefined): boolean {
  return t?.kind === 'punct' && EXPRESSION_BEFORE.has(t.text);
}

function scanSlashy(src: string, start: number, multiline: boolean): number | undefined {
  const n = src.length;
  let i = start + 1;
  while (i < n) {
    const ch = src[i]!;
    if (ch === '\\' && src[i + 1] === '/') {
      i += 2;
      continue;
    }
    // A slashy string interpolates: a `/` inside `${…}` does not end it.
    if (ch === '$' && src[i + 1] === '{') {
      i = skipInterpolation(src, i + 2);
      continue;
    }
    // Elsewhere a `/` may be division: a slashy string there is taken to end on its own line.
    if (ch === '\n' && !multiline) return undefined;
    if (ch === '/') return i + 1;
    i++;
  }
  return undefined;
}

function scanDollarSlashy(src: string, start: number): { end: number; unterminated: boolean } {
  const close = src.indexOf('/$', start + 2);
  return close < 0 ? { end: src.length, unterminated: true } : { end: close + 2, unterminated: false };
}
