import type { Rule } from './rule.js';
import { reportApiFindings } from './api-report.js';
import { reportSchemaIssues } from './schema-findings.js';

export const rule: Rule = {
  code: 'JKL104',
  name: 'pod-invalid-value',
  severity: 'error',
  summary: 'A value the Kubernetes API refuses: outside an enum (imagePullPolicy, apiVersion/kind), a malformed quantity, a request above its limit, an invalid or duplicate name, a port out of range',
  fixable: ['safe'],
  check: (ctx) => {
    reportSchemaIssues(ctx, 'JKL104');
    reportApiFindings(ctx, 'JKL104');
  },
};
