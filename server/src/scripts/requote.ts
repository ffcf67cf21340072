// Rewriting one Groovy string literal in the other quote style, for the quick fixes of the step-script
// rules: a GString whose only interpolations are the shell's own variables becomes a plain string
// (nothing for Groovy to interpolate), a plain string a GString.

import { escapeForString } from '../fix/escape.js';
import type { StringQuote } from '../parse/lexer.js';
import type { Extraction } from '../extract/model.js';
import type { StringValue } from './step-strings.js';

export interface Literal {
  quote: StringQuote;
  /** [start, end) of the whole literal, quotes included. */
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
}

/** The literal a value is, when it is one string literal (maybe with `.stripIndent()` after it). */
export function singleLiteral(value: StringValue, ex: Extraction): Literal | undefined {
  const contentEnd = value.text.offsets[value.text.text.length]!;
  const quote = (['"""', "'''", '"', "'"] as const).find((q) => ex.source.startsWith(q, value.start));
  if (!quote) return undefined;
  const contentStart = value.start + quote.length;
  if (!ex.source.startsWith(quote, contentEnd) || contentEnd < contentStart) return undefined;
  // One literal from its opening quote to its closing one: no concatenation in between.
  const where = ex.stringAt(contentStart, contentEnd);
  if (where === 'code' || where === 'straddles' || where.quote !== quote) return undefined;
  return { quote, start: value.start, end: contentEnd + quote.length, contentStart, contentEnd };
}

/** Replacements inside a literal: [from, to) becomes `text` (escaped for the new form, unless it is `groovy` source). */
export interface Replacement {
  from: number;
  to: number;
  text: string;
  groovy?: true;
}

/**
 * The literal `'…'`/`'''…'''` for a `"…"`/`"""…"""` one, or the other way round, meaning the same text
 * once `replacements` (the interpolations, say) are made: every other `$` of a plain string is escaped
 * in the GString, so Groovy interpolates only what the replacements write.
 */
export function requote(source: string, lit: Literal, replacements: Replacement[]): string {
  const toPlain = lit.quote === '"' || lit.quote === '"""';
  const quote: StringQuote = toPlain ? (lit.quote === '"' ? "'" : "'''") : lit.quote === "'" ? '"' : '"""';
  const byStart = new Map(replacements.map((r) => [r.from, r]));
  let out = '';
  let i = lit.contentStart;
  while (i < lit.contentEnd) {
    const r = byStart.get(i);
    if (r) {
      out += r.groovy ? r.text : escapeForString(quote, r.text);
      i = r.to;
      continue;
    }
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      // `\$` and `\"` are plain characters in a single-quoted string; `\'` in a double-quoted one.
      if ((toPlain && (next === '$' || next === '"')) || (!toPlain && next === "'")) out += escapeForString(quote, next);
      else out += ch + next;
      i += 2;
      continue;
    }
    out += escapeForString(quote, ch);
    i++;
  }
  return quote + out + quote;
}
