import type { Rule } from './rule.js';
import { reportSchemaIssues } from './schema-findings.js';

export const rule: Rule = {
  code: 'JKL101',
  name: 'pod-unknown-field',
  severity: 'warning',
  summary: "A field the Pod schema does not know; Jenkins ignores it silently",
  fixable: ['unsafe'],
  check: (ctx) => reportSchemaIssues(ctx, 'JKL101'),
};
