import type { Rule } from './rule.js';
import { reportDeclarative } from './declarative-findings.js';

export const rule: Rule = {
  code: 'JKL404',
  name: 'declarative-agent',
  severity: 'error',
  summary: "The agent section's form: agent none/any, or one agent type with its value or options",
  fixable: ['unsafe'],
  check: (ctx) => reportDeclarative(ctx, 'JKL404'),
};
