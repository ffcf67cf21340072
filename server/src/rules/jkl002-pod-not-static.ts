import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'JKL002',
  name: 'pod-not-static',
  severity: 'info',
  summary: 'The pod definition comes from an expression the linter cannot read; nothing else is checked for it',
  check(ctx) {
    for (const pod of ctx.pods) {
      if (!pod.notStatic) continue;
      const src = ctx.extraction.source.slice(pod.notStatic.loc.start, pod.notStatic.loc.end).split('\n')[0]!;
      ctx.report({
        loc: pod.notStatic.loc,
        message: pod.notStatic.reason ? `${pod.notStatic.reason}; this pod is not checked` : `Pod ${pod.notStatic.what} comes from \`${src.length > 60 ? src.slice(0, 57) + '...' : src}\`, which is only known at run time; this pod is not checked`,
      });
    }
  },
};
