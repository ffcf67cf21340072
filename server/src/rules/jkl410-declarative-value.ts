import type { Rule } from './rule.js';
import { reportDeclarative } from './declarative-findings.js';

export const rule: Rule = {
  code: 'JKL410',
  name: 'declarative-value',
  severity: 'error',
  summary: 'A value Jenkins cannot take as written: an unquoted ${…}, an integer past the long range',
  check: (ctx) => reportDeclarative(ctx, 'JKL410'),
};
