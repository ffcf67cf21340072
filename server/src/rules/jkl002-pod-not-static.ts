import type { Rule } from './rule.js';

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
      const src = ctx.extraction.source.slice(start, Math.min(end, start + 61)).split('\n')[0]!;
      ctx.report({
        loc: pod.notStatic.loc,
        message: pod.notStatic.reason ? `${pod.notStatic.reason}; this pod is not checked` : `Pod ${pod.notStatic.what} comes from \`${src.length > 60 ? src.slice(0, 57) + '...' : src}\`, which is only known at run time; this pod is not checked`,
      });
    }
  },
};
