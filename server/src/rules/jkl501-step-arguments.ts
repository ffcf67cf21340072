import type { Rule } from './rule.js';
import { reportDeclarative } from './declarative-findings.js';

export const rule: Rule = {
  code: 'JKL501',
  name: 'step-arguments',
  severity: 'error',
  summary: "A step's, option's, trigger's or parameter's arguments against the catalog: unknown or missing parameters, unnamed ones, wrong literal types",
  fixable: ['unsafe'],
  check: (ctx) => reportDeclarative(ctx, 'JKL501'),
};
