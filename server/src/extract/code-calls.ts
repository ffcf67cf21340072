// The calls written inside a block, as tokens show them: enough to tell whether a podTemplate body
// hands its work to a method or closure (`body()`, `runStages(label)`, `lib.build()`).

import type { CodeCall } from './model.js';
import type { Block, TokenReader } from './reader.js';

/** Groovy words that a `(` or `{` follows without a call: `if (…)`, `try {`, `catch (e)`. */
export const GROOVY_KEYWORDS = new Set(['if', 'else', 'for', 'while', 'do', 'switch', 'case', 'try', 'catch', 'finally', 'synchronized', 'return', 'throw', 'assert', 'new', 'in', 'static']);

export function callsIn(reader: TokenReader, block: Block): CodeCall[] {
  const toks = reader.tokens;
  const out: CodeCall[] = [];
  for (let i = block.open + 1; i < block.close; i++) {
    const t = toks[i]!;
    if (t.kind !== 'ident' || !isPunct(reader, i + 1, '(', '{') || GROOVY_KEYWORDS.has(t.text)) continue;
    out.push(codeCallAt(reader, i));
  }
  return out;
}

/** The call whose name is the identifier at token i, with the head of the chain it is called on. */
export function codeCallAt(reader: TokenReader, i: number): CodeCall {
  const toks = reader.tokens;
  const t = toks[i]!;
  const call: CodeCall = { name: t.text, nameSpan: { start: t.start, end: t.end } };
  if (isPunct(reader, i - 1, '.', '?.', '*.')) {
    // Back along `a.b.c` to its head; a chain on a string, a call's result or an index has no name.
    let head = i - 2;
    while (toks[head]?.kind === 'ident' && isPunct(reader, head - 1, '.', '?.', '*.')) head -= 2;
    const h = toks[head];
    call.receiver = h?.kind === 'ident' ? { name: h.text } : {};
  }
  return call;
}

function isPunct(reader: TokenReader, i: number, ...texts: string[]): boolean {
  const t = reader.tokens[i];
  return t?.kind === 'punct' && texts.includes(t.text);
}
