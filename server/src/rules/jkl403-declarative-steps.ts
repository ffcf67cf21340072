import type { Rule } from './rule.js';
import { reportDeclarative } from './declarative-findings.js';

export const rule: Rule = {
  code: 'JKL403',
  name: 'declarative-steps',
  severity: 'error',
  summary: 'What a steps block may hold: only step calls, not statements, object method calls, or the stage/properties/parallel steps',
  check: (ctx) => reportDeclarative(ctx, 'JKL403'),
};
