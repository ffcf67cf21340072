import type { Rule } from './rule.js';
import { reportDeclarative } from './declarative-findings.js';

export const rule: Rule = {
  code: 'JKL409',
  name: 'declarative-directive',
  severity: 'error',
  summary: 'options, triggers, parameters, tools, input and libraries: their form, no duplicates, no blocked steps',
  fixable: ['unsafe'],
  check: (ctx) => reportDeclarative(ctx, 'JKL409'),
};
