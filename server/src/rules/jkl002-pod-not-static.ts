import type { Rule } from './rule.js';

/** The most of the expression the message quotes; a longer one is cut to fit with `...`. */
const QUOTED = 60;

export const rule: Rule = {
  code: 'JKL002',
  name: 'pod-not-static',
  severity: 'info',
  summary: 'The pod definition comes from an expression the linter cannot read; nothing else is checked for it',
  check(ctx) {
    for (const pod of ctx.pods) {
      if (!pod.notStatic) continue;
      // Its first line, read no further than the message shows: a file may hold thousands of such pods, each spanning much of it.
      const { start, end } = pod.notStatic.loc;
      // One character more than is quoted tells whether it must be cut.
      const src = ctx.extraction.source.slice(start, Math.min(end, start + QUOTED + 1)).split('\n')[0]!;
      ctx.report({
        loc: pod.notStatic.loc,
        message: pod.notStatic.reason ? `${pod.notStatic.reason}; this pod is not checked` : `Pod ${pod.notStatic.what} comes from \`${src.length > QUOTED ? src.slice(0, QUOTED - 3) + '...' : src}\`, which is only known at run time; this pod is not checked`,
      });
    }
  },
};
