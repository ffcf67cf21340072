import { closestRule } from './lookup.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'JKL902',
  name: 'suppression-unknown-code',
  severity: 'error',
  summary: 'A suppression naming a rule that does not exist (or naming none)',
  phase: 'suppressions',
  check(ctx) {
    for (const d of ctx.directives) {
      if (!d.codes.length) {
        ctx.report({ loc: d.loc, message: 'Suppression names no rule; name the rules it suppresses by code or name (e.g. jenkinsfile-lint-disable-next-line JKL204)' });
      }
      for (const c of d.codes) {
        if (c.rule) continue;
        const close = closestRule(c.code);
        ctx.report({ loc: c.loc, message: `Unknown rule "${c.code}" in suppression` + (close ? `; did you mean ${close}?` : '') });
      }
    }
  },
};
