import type { Finding } from '../core/diagnostic.js';
import { sourceRange, touchesPlaceholder, type MappedText } from '../extract/mapped-text.js';
import { requote, singleLiteral, type Replacement } from '../scripts/requote.js';
import { Quoting, shellQuoting } from '../scripts/shell-quoting.js';
import { stepStrings } from '../scripts/step-strings.js';
import type { Rule } from './rule.js';

/**
 * `${name.…}` or `${name(…}`: Groovy's syntax, never the shell's, whose `${…}` holds a parameter name
 * and an operator (`${X:-d}`, `${#X}`, `${X%.*}`). dash and bash fail with "Bad substitution".
 */
const GROOVY_EXPRESSION = /\$\{\s*[A-Za-z_]\w*\s*[.(]/g;

export const rule: Rule = {
  code: 'JKL602',
  name: 'script-bad-substitution',
  severity: 'error',
  summary: 'A Groovy expression `${env.X}` in a shell script Groovy does not interpolate (single quotes): the shell fails with "bad substitution"',
  fixable: ['safe', 'unsafe'],
  check(ctx) {
    const source = ctx.extraction.source;
    for (const s of stepStrings(ctx.extraction, (call) => call.name === 'sh')) {
      const mt = s.value.text;
      const text = mt.text;
      let quoting: Uint8Array | undefined;
      const found: Array<{ start: number; end: number; expression: string }> = [];
      for (const m of text.matchAll(GROOVY_EXPRESSION)) {
        const start = m.index!;
        const close = text.indexOf('}', start);
        if (close < 0 || touchesPlaceholder(mt, start, close + 1)) continue;
        quoting ??= shellQuoting(text);
        const q = quoting[start];
        if (q !== Quoting.Plain && q !== Quoting.Double) continue; // quoted or escaped: the shell leaves it as it is
        found.push({ start, end: close + 1, expression: text.slice(start + 2, close).trim() });
      }
      if (!found.length) continue;
      const lit = singleLiteral(s.value, ctx.extraction);
      // As a GString, Groovy would interpolate each of them (and nothing else: the other `$` are escaped).
      const toGString: Finding['fix'] | undefined =
        lit && (lit.quote === "'" || lit.quote === "'''")
          ? {
              title: 'Use a double-quoted string: Groovy interpolates the expression',
              edits: [{ loc: { file: ctx.file, start: lit.start, end: lit.end }, newText: requote(source, lit, found.map((f) => groovyReplacement(mt, f))), verbatim: true }],
              safe: false,
            }
          : undefined;
      for (const f of found) {
        const loc = { file: ctx.file, ...sourceRange(mt, f.start, f.end) };
        const env = /^env\s*\.\s*([A-Za-z_]\w*)$/.exec(f.expression)?.[1];
        const shellVar = env && (/\w/.test(text[f.end] ?? '') ? `\${${env}}` : `$${env}`);
        ctx.report({
          loc,
          message:
            `The shell cannot expand "\${${f.expression}}" and fails with "bad substitution": Groovy does not interpolate it (a single-quoted string, or an escaped \\$), so sh gets it as written. ` +
            (env ? `Write ${shellVar} (the shell's own variable)` : 'Use a double-quoted string, for Groovy to interpolate it'),
          ...(shellVar ? { fix: { title: `Write ${shellVar}`, edits: [{ loc, newText: shellVar }], safe: true } } : toGString ? { fix: toGString } : {}),
        });
      }
    }
  },
};

/** The expression as Groovy code in the new GString: as the old string held it (its escapes read). */
function groovyReplacement(mt: MappedText, f: { start: number; end: number }): Replacement {
  const { start, end } = sourceRange(mt, f.start, f.end);
  return { from: start, to: end, text: mt.text.slice(f.start, f.end), groovy: true };
}
