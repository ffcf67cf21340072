import type { Rule } from './rule.js';
import { reportDeclarative } from './declarative-findings.js';

export const rule: Rule = {
  code: 'JKL406',
  name: 'declarative-when',
  severity: 'error',
  summary: 'when conditions: known ones, with the arguments and children they take',
  fixable: ['unsafe'],
  check: (ctx) => reportDeclarative(ctx, 'JKL406'),
};
