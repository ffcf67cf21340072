import { yamlLoc } from '../resolve/resolve.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'JKL005',
  name: 'input-limit',
  severity: 'warning',
  summary: 'Part of the file is too large or too deeply nested to check; it is left unchecked, not guessed',
  check(ctx) {
    for (const l of ctx.extraction.limits) ctx.report({ loc: { file: ctx.file, start: l.start, end: l.end }, message: l.message });
    for (const l of ctx.declarative.limits) {
      const line = ctx.extraction.source.indexOf('\n', l.start);
      ctx.report({ loc: { file: ctx.file, start: l.start, end: line < 0 ? l.end : Math.min(l.end, line) }, message: 'Blocks nested more than 100 levels deep: the Declarative checks do not read inside' });
    }
    for (const pod of ctx.pods) {
      const y = pod.yaml;
      for (const p of y?.parsed.problems ?? []) {
        if (!p.limit) continue;
        const call = pod.template.call.nameSpan;
        ctx.report({ loc: yamlLoc(y!, p.start, p.end) ?? { file: ctx.file, start: call.start, end: call.end }, message: p.message });
      }
    }
  },
};
