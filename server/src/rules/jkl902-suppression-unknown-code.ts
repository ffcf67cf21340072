import { distance } from 'fastest-levenshtein';
import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'JKL902',
  name: 'suppression-unknown-code',
  severity: 'error',
  summary: 'A suppression naming a code that does not exist (or naming none)',
  phase: 'suppressions',
  check(ctx) {
    const codes = [...ctx.ruleCodes];
    for (const d of ctx.directives) {
      if (!d.codes.length) {
        ctx.report({ loc: d.loc, message: 'Suppression names no rule code; jenkinsfile-lint suppresses by code only (e.g. jenkinsfile-lint-disable-next-line JKL204)' });
      }
      for (const c of d.codes) {
        if (ctx.ruleCodes.has(c.code)) continue;
        // Only a one-character slip is worth a suggestion: JKL codes differ from each other by one digit.
        const close = codes.find((k) => distance(k, c.code.toUpperCase()) <= 1);
        ctx.report({ loc: c.loc, message: `Unknown rule code "${c.code}" in suppression` + (close ? `; did you mean ${close}?` : '') });
      }
    }
  },
};
