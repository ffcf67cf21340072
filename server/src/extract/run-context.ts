// Where code runs: where it is written, or wherever it is called from. Method and class bodies
// (a Jenkinsfile's `def build() {…}`, a library's `vars/x.groovy` `def call(…)` or `src/` class)
// and closures kept in a variable or a collection (`def work = {…}`, `[a: {…}]`) run when called;
// a closure handed to a call runs wherever that call runs it — a method of the user's may run it
// inside a podTemplate (`inPod { node(POD_LABEL) {…} }`). POD_LABEL is read at run time from the
// podTemplate around the running code (workflow-cps CpsScript and EnvActionImpl), not lexically.

import { codeCallAt, GROOVY_KEYWORDS } from './code-calls.js';
import type { ClosureOf, CodeCall } from './model.js';
import type { TokenReader } from './reader.js';

export interface RunContext {
  /** In a method or class body, or a closure kept as a value. */
  deferred: boolean;
  /** The innermost call whose closure holds it. */
  inClosureOf?: ClosureOf;
}

const CLASS_WORDS = new Set(['class', 'interface', 'enum', 'trait']);
/** Operators after which a `{` is a closure value, not a block that runs there. */
const VALUE_OPERATORS = new Set(['=', '<<', '?', '?:', '+=']);
const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

interface Open {
  open: number;
  deferred: boolean;
  /** The innermost call whose closure this bracket is, or is inside. */
  closureOf?: ClosureOf;
}

/** The run context of each token index asked for; `at` sorted ascending. One pass over the tokens. */
export function runContexts(reader: TokenReader, at: readonly number[]): RunContext[] {
  const toks = reader.tokens;
  const out: RunContext[] = [];
  const stack: Open[] = [];
  let next = 0;
  for (let i = 0; i < toks.length && next < at.length; i++) {
    while (next < at.length && at[next] === i) {
      const top = stack[stack.length - 1];
      out.push({ deferred: top?.deferred ?? false, ...(top?.closureOf ? { inClosureOf: top.closureOf } : {}) });
      next++;
    }
    const t = toks[i]!;
    if (t.kind !== 'punct') continue;
    if (OPEN.has(t.text)) {
      const outer = stack[stack.length - 1];
      const entry: Open = { open: i, deferred: outer?.deferred ?? false, ...(outer?.closureOf ? { closureOf: outer.closureOf } : {}) };
      if (t.text === '{') {
        const kind = blockKind(reader, i, outer);
        if (kind === 'deferred') entry.deferred = true;
        else if (kind) entry.closureOf = { call: kind, ...(outer?.closureOf ? { outer: outer.closureOf } : {}) };
      }
      stack.push(entry);
    } else if (CLOSE.has(t.text) && stack.length && reader.closerOf(stack[stack.length - 1]!.open) === i) stack.pop();
  }
  while (out.length < at.length) out.push({ deferred: false });
  return out;
}

/**
 * The `{` at token k: a method or class body or a closure kept as a value ('deferred'), the closure
 * of a call (that call), or a block that runs where it is (undefined: `if (…) {`, `try {`).
 */
function blockKind(reader: TokenReader, k: number, outer: Open | undefined): 'deferred' | CodeCall | undefined {
  const toks = reader.tokens;
  let p = k - 1;
  while (toks[p]?.kind === 'newline') p--;
  const prev = toks[p];
  if (!prev) return undefined;
  const enclosing = outer && toks[outer.open]!.text;
  if (prev.kind === 'punct' && prev.text === ')') {
    const open = reader.openerOf(p);
    const name = toks[open - 1];
    if (name?.kind !== 'ident' || GROOVY_KEYWORDS.has(name.text)) return undefined;
    // `def build(…) {`, `void call(Map args) {`, `String name() {`: a name after a type or `def`.
    const before = toks[open - 2];
    if (before && ((before.kind === 'ident' && !GROOVY_KEYWORDS.has(before.text)) || (before.kind === 'punct' && (before.text === '>' || before.text === ']')))) return 'deferred';
    return codeCallAt(reader, open - 1);
  }
  if (prev.kind === 'ident') {
    if (prev.text === 'return') return 'deferred';
    // `class Build extends Base implements Step {`: back over the header's names to `class`.
    for (let i = p; toks[i] && (toks[i]!.kind === 'ident' || (toks[i]!.kind === 'punct' && '.,<>'.includes(toks[i]!.text))); i--) {
      if (toks[i]!.kind === 'ident' && CLASS_WORDS.has(toks[i]!.text)) return 'deferred';
    }
    return GROOVY_KEYWORDS.has(prev.text) ? undefined : codeCallAt(reader, p);
  }
  if (prev.kind !== 'punct') return undefined;
  if (VALUE_OPERATORS.has(prev.text) || prev.text === '[') return 'deferred';
  if (prev.text !== ',' && prev.text !== ':' && prev.text !== '(') return undefined;
  // An entry of a list or map literal is kept; an argument goes to the call (`inPod(yaml: x, {…})`,
  // `parallel a: {…}, b: {…}`).
  if (enclosing === '[') return 'deferred';
  const name = enclosing === '(' ? outer!.open - 1 : commandName(reader, p);
  return toks[name]?.kind === 'ident' ? codeCallAt(reader, name) : undefined;
}

/** The first token of the command expression whose argument list holds token i (`parallel a: {…}`). */
function commandName(reader: TokenReader, i: number): number {
  const toks = reader.tokens;
  for (; i > 0; i--) {
    const t = toks[i - 1]!;
    if (t.kind === 'punct' && (t.text === ')' || t.text === ']' || t.text === '}') && reader.openerOf(i - 1) >= 0) i = reader.openerOf(i - 1) + 1;
    else if (t.kind === 'newline' && !(toks[i - 2]?.kind === 'punct' && toks[i - 2]!.text === ',')) break;
    else if (t.kind === 'punct' && (t.text === ';' || t.text === '{' || t.text === '(' || t.text === '[')) break;
  }
  return i;
}
