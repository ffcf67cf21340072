// New text for a fix that lands inside a Groovy string must be written the way that string form
// spells it: a quote, `$` or line break that is plain text in the content is an escape in the source.

import type { StringQuote } from '../parse/lexer.js';

const ESCAPES: Record<StringQuote, Array<[RegExp, string]>> = {
  "'": [[/\\/g, '\\\\'], [/'/g, "\\'"], [/\n/g, '\\n'], [/\r/g, '\\r']],
  '"': [[/\\/g, '\\\\'], [/"/g, '\\"'], [/\$/g, '\\$'], [/\n/g, '\\n'], [/\r/g, '\\r']],
  "'''": [[/\\/g, '\\\\'], [/'/g, "\\'"]],
  '"""': [[/\\/g, '\\\\'], [/"/g, '\\"'], [/\$/g, '\\$']],
  '/': [[/\//g, '\\/']],
  '$/': [[/\$/g, '$$$$'], [/\//g, '$$/']],
};

/** `text` as it must be written inside a string of this form to mean `text`. */
export function escapeForString(quote: StringQuote, text: string): string {
  return ESCAPES[quote].reduce((t, [re, by]) => t.replace(re, by), text);
}
