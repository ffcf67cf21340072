import type { Rule } from './rule.js';
import { reportDeclarative } from './declarative-findings.js';

export const rule: Rule = {
  code: 'JKL405',
  name: 'declarative-environment',
  severity: 'error',
  summary: 'The environment block: NAME = value pairs with valid names and values Jenkins accepts',
  check: (ctx) => reportDeclarative(ctx, 'JKL405'),
};
