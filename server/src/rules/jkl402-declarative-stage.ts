import type { Rule } from './rule.js';
import { reportDeclarative } from './declarative-findings.js';

export const rule: Rule = {
  code: 'JKL402',
  name: 'declarative-stage',
  severity: 'error',
  summary: "A stage's form and content: its name, its sections, steps/stages/parallel/matrix, nesting, duplicate names",
  fixable: ['safe', 'unsafe'],
  check: (ctx) => reportDeclarative(ctx, 'JKL402'),
};
