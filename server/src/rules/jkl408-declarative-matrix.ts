import type { Rule } from './rule.js';
import { reportDeclarative } from './declarative-findings.js';

export const rule: Rule = {
  code: 'JKL408',
  name: 'declarative-matrix',
  severity: 'error',
  summary: 'matrix: axes, excludes and stages, each axis with a valid name and literal values',
  check: (ctx) => reportDeclarative(ctx, 'JKL408'),
};
