// Groovy syntax errors, from the lexer's tokens and the reader's bracket matching: only where Groovy
// itself would refuse to compile the file. A tree-sitter ERROR is never evidence (its grammar misreads
// valid Groovy). Where the lexer had to guess whether a `/` starts a slashy string, brackets and
// quotes after it cannot be trusted, and nothing is said.

import type { TokenReader } from '../extract/reader.js';
import { isPunct, type Token } from './lexer.js';
import { pushAll } from '../core/push-all.js';

export interface SyntaxProblem {
  start: number;
  end: number;
  message: string;
  /** Where the unclosed thing was opened, for an editor's related information. */
  related?: { start: number; end: number; message: string };
  /** An unclosed bracket or string: what the reader built around it is not the author's structure. */
  structural?: true;
}

const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const NAMES: Record<string, string> = { '(': 'parenthesis', '[': 'bracket', '{': 'brace', ')': 'parenthesis', ']': 'bracket', '}': 'brace' };
const KEYWORDS_BEFORE_PAREN = new Set(['if', 'for', 'while', 'switch', 'catch', 'synchronized', 'return', 'assert']);

export function syntaxProblems(reader: TokenReader): SyntaxProblem[] {
  const toks = reader.tokens;
  // One pass for what decides the rest: a slashy string or a `/` (brackets and quotes after it cannot
  // be trusted), the first string left open, the first bracket that never closes (an outer one, or one
  // left open inside a bracket closed after it), the first closer with nothing open to close.
  let open: Token | undefined;
  let unclosed: Token | undefined;
  let stray: Token | undefined;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === 'string') {
      if (t.quote === '/') return [];
      if (t.unterminated) open ??= t;
    } else if (t.kind === 'punct' && t.text.length === 1) {
      const c = t.text;
      if (c === '/') return [];
      if (c === '(' || c === '[' || c === '{') {
        if (reader.closerOf(i) >= toks.length) unclosed ??= t;
      } else if ((c === ')' || c === ']' || c === '}') && reader.openerOf(i) < 0) stray ??= t;
    }
  }
  const out: SyntaxProblem[] = [];
  const lineOf = lineNumbers(reader.src);
  const eof = { start: reader.src.length, end: reader.src.length };

  // A GString's ${…} may run over lines; where one is open at the line end, the reading is not sure.
  if (open && !reader.src.slice(open.start, open.end).includes('${')) {
    const single = open.quote!.length === 1;
    out.push({
      start: single ? open.end : eof.start,
      end: single ? open.end : eof.end,
      message: `String not closed: the ${open.quote} string opened on line ${lineOf(open.start)} ${single ? 'ends with its line' : 'runs to the end of the file'} without its closing ${open.quote === '$/' ? '/$' : open.quote}`,
      related: { start: open.start, end: open.start + open.quote!.length, message: 'the string starts here' },
      structural: true,
    });
    // Brackets after an open string are not what the author wrote: one problem at a time.
    return out;
  }
  if (open) return out;

  if (unclosed) {
    out.push({
      ...eof,
      message: `Unclosed ${NAMES[unclosed.text]}: the ${unclosed.text} opened on line ${lineOf(unclosed.start)} has no matching ${CLOSER[unclosed.text]}; Groovy cannot compile the file`,
      related: { start: unclosed.start, end: unclosed.end, message: `the ${unclosed.text} opened here` },
      structural: true,
    });
  }
  if (stray) out.push({ start: stray.start, end: stray.end, message: `Unexpected ${stray.text}: no ${NAMES[stray.text]} is open here for it to close; Groovy cannot compile the file`, structural: true });
  pushAll(out, groovyCompileErrors(toks, reader));
  return out;
}

/**
 * Errors Groovy's compiler reports for code that reads as Groovy but cannot be compiled, in its
 * own words: a named argument twice in one call, an assignment to a constant or to a sum, a number
 * with an underscore before a letter.
 */
function groovyCompileErrors(toks: Token[], reader: TokenReader): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === 'number') {
      const m = /^\d[\d_]*_([^\d_])/.exec(t.text);
      if (m) out.push({ start: t.start + m.index + m[0].length - 1, end: t.start + m.index + m[0].length, message: `expecting token in range: '0'..'9', found '${m[1]}'` });
    }
    // A statement's first token: after a line break, `;`, `{` or at the start.
    const prev = toks[i - 1];
    const atStatement = !prev || prev.kind === 'newline' || (prev.kind === 'punct' && (prev.text === ';' || prev.text === '{'));
    if (atStatement && isAssign(toks[i + 1])) {
      if (t.kind === 'string' && (t.quote === "'" || t.quote === '"') && !t.unterminated) {
        const text = reader.src.slice(t.start + 1, t.end - 1);
        if (!/[\\$]/.test(text)) out.push({ start: t.start, end: t.end, message: `[${text}] is a constant expression, but it should be a variable expression` });
      }
    }
    if (atStatement && t.kind === 'ident' && isPunct(toks[i + 1], '-') && toks[i + 2]?.kind === 'ident' && isAssign(toks[i + 3])) {
      out.push({ start: t.start, end: toks[i + 2]!.end, message: `(${t.text} - ${toks[i + 2]!.text}) is a binary expression, but it should be a variable expression` });
    }
    // Only in a call whose parenthesis closes: an unclosed one is Groovy's error already, and reading
    // each to the end of the file was quadratic (a fuzzed file of 18,541 of them: 10 s).
    if (t.kind === 'punct' && t.text === '(' && prev?.kind === 'ident' && !KEYWORDS_BEFORE_PAREN.has(prev.text) && reader.closerOf(i) < toks.length) pushAll(out, duplicateNamed(toks, i, reader));
  }
  return out;
}

/** `foo(a: 1, a: 2)`: Groovy's "Duplicate named parameter" for the second key. */
function duplicateNamed(toks: Token[], open: number, reader: TokenReader): SyntaxProblem[] {
  const close = reader.closerOf(open);
  const seen = new Set<string>();
  const out: SyntaxProblem[] = [];
  for (let i = open + 1; i < close; i++) {
    const t = toks[i]!;
    if (t.kind === 'punct' && t.text in CLOSER) {
      i = reader.closerOf(i);
      continue;
    }
    const before = toks[i - 1]!;
    const keyPosition = i === open + 1 || (before.kind === 'punct' && before.text === ',') || before.kind === 'newline';
    if (!keyPosition || t.kind !== 'ident' || !isPunct(toks[i + 1], ':')) continue;
    if (seen.has(t.text)) out.push({ start: t.start, end: t.end, message: `Duplicate named parameter '${t.text}' found.` });
    seen.add(t.text);
  }
  return out;
}

function isAssign(t: Token | undefined): boolean {
  return isPunct(t, '=');
}

/** 1-based line of an offset (LF, CRLF and a lone CR end lines). */
function lineNumbers(src: string): (offset: number) => number {
  return (offset) => {
    let line = 1;
    for (let i = 0; i < offset && i < src.length; i++) if (src[i] === '\n' || (src[i] === '\r' && src[i + 1] !== '\n')) line++;
    return line;
  };
}
