// Snippets that write a call of a catalog entry, or one of its parameters: a tab stop per value,
// choices for enums and booleans. A call writes the required parameters and the enum ones its
// example sets (`timeout`'s `unit`); a single required one goes unnamed, as Jenkins binds it.

import type { Entry, Param } from '../catalog/catalog.js';
import { stringOf, TokenReader } from '../extract/reader.js';

/** `parallel` takes its branches as named closures, which no parameter describes. */
const PARALLEL = 'parallel(${1:branch}: {\n\t$0\n})';

/** `name(args) { … }`, `sh '…'`, `maven '…'` (a tool), `disableResume()`; `block`: with a body. */
export function callSnippet(e: Entry, block: boolean): string {
  if (e.kind === 'step' && e.symbol === 'parallel') return PARALLEL;
  const example = exampleValues(e);
  const args = e.params.filter((p) => p.required || (p.type.kind === 'enum' && example.has(p.name)));
  const body = block ? ' {\n\t$0\n}' : '';
  if (!args.length) return block ? `${e.symbol}${body}` : `${e.symbol}()`;
  const required = e.params.filter((p) => p.required);
  // Build parameters read best named, as Jenkins' own examples write them.
  const unnamed = args.length === 1 && required.length === 1 && e.kind !== 'parameter';
  const values = args.map((p, i) => (unnamed ? '' : `${p.name}: `) + valueSnippet(p, i + 1, example.get(p.name))).join(', ');
  if (unnamed && !block && (e.kind === 'step' || e.kind === 'tool')) return `${e.symbol} ${values}`;
  return `${e.symbol}(${values})${body}`;
}

/** `unit: '${1|MINUTES,…|}'`: a named argument. */
export function argumentSnippet(e: Entry, p: Param): string {
  return `${p.name}: ${valueSnippet(p, 1, exampleValues(e).get(p.name))}`;
}

/** Tab stop n for a value of the parameter; `example`: the value the entry's example gives it. */
function valueSnippet(p: Param, n: number, example: string | undefined): string {
  const t = p.type;
  switch (t.kind) {
    case 'enum':
      return `'${choice(n, t.values, example)}'`;
    case 'boolean':
      return choice(n, ['true', 'false'], example);
    case 'string':
      return `'\${${n}:${escape(p.name)}}'`;
    case 'int':
    case 'long':
    case 'double':
      return `\${${n}:${escape(example !== undefined && !isNaN(Number(example)) ? example : p.name)}}`;
    case 'list':
    case 'map':
      return `[\${${n}}]`;
    default:
      return `\${${n}:${escape(p.name)}}`;
  }
}

/** A choice tab stop, the example's value first. */
function choice(n: number, values: string[], first: string | undefined): string {
  const ordered = first !== undefined && values.includes(first) ? [first, ...values.filter((v) => v !== first)] : values;
  return `\${${n}|${ordered.map((v) => v.replace(/[\\,|$]/g, '\\$&')).join(',')}|}`;
}

function escape(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

const examples = new WeakMap<Entry, Map<string, string | undefined>>();

/** The arguments the entry's example writes, by parameter: the literal's text where it is one. */
function exampleValues(e: Entry): Map<string, string | undefined> {
  let values = examples.get(e);
  if (values) return values;
  values = new Map();
  const reader = new TokenReader(e.example);
  const at = reader.tokens.findIndex((t, i) => t.kind === 'ident' && t.text === e.symbol && reader.readCall(i));
  for (const [i, arg] of (at >= 0 ? reader.readCall(at)!.call.args : []).entries()) {
    const name = arg.name?.text ?? e.params[i]?.name;
    const v = arg.value;
    if (name) values.set(name, v.kind === 'number' || v.kind === 'bool' ? v.raw : stringOf(v));
  }
  examples.set(e, values);
  return values;
}
