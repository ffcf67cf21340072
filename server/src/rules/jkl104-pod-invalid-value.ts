import type { Rule } from './rule.js';
import { reportSchemaIssues } from './schema-findings.js';

export const rule: Rule = {
  code: 'JKL104',
  name: 'pod-invalid-value',
  severity: 'error',
  summary: "A value outside the allowed set (an enum such as imagePullPolicy, or apiVersion/kind)",
  fixable: ['safe'],
  check: (ctx) => reportSchemaIssues(ctx, 'JKL104'),
};
