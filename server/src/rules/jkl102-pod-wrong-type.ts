import type { Rule } from './rule.js';
import { reportSchemaIssues } from './schema-findings.js';

export const rule: Rule = {
  code: 'JKL102',
  name: 'pod-wrong-type',
  severity: 'error',
  summary: "A value of the wrong type after Jenkins' scalar coercions; the pod cannot be created",
  check: (ctx) => reportSchemaIssues(ctx, 'JKL102'),
};
