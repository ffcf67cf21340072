import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'JKL004',
  name: 'groovy-syntax',
  severity: 'error',
  summary: 'Groovy would not compile the file: an unclosed bracket or string, a stray closer, a duplicate named argument, an assignment to a constant',
  check(ctx) {
    for (const p of ctx.syntax) {
      ctx.report({
        loc: { file: ctx.file, start: p.start, end: p.end },
        message: p.message,
        ...(p.related ? { related: [{ loc: { file: ctx.file, start: p.related.start, end: p.related.end }, message: p.related.message }] } : {}),
      });
    }
  },
};
