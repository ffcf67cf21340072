import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'JKL901',
  name: 'suppression-unused',
  severity: 'warning',
  summary: 'A suppression comment that suppresses nothing',
  phase: 'suppressions',
  check(ctx) {
    for (const d of ctx.directives) {
      for (const c of d.codes) {
        // Unknown codes are JKL902's; a code turned off in the config could not have been reported.
        if (c.used || !c.rule || ctx.config.rules[c.rule] === 'off') continue;
        // ShellCheck's codes are judged only when it ran (it may be off, missing, or still running).
        if (c.rule.startsWith('SC') && !ctx.shellcheckRan) continue;
        ctx.report({ loc: c.loc, message: `Unused suppression: no ${c.code} finding ${d.kind === 'file' ? 'in this file' : 'on the next line'}` });
      }
    }
  },
};
