import type { Rule } from './rule.js';
import { reportDeclarative } from './declarative-findings.js';

export const rule: Rule = {
  code: 'JKL407',
  name: 'declarative-post',
  severity: 'error',
  summary: 'post: build condition names with blocks, each once, none empty',
  fixable: ['unsafe'],
  check: (ctx) => reportDeclarative(ctx, 'JKL407'),
};
