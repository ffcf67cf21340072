import type { Rule } from './rule.js';
import { reportApiFindings } from './api-report.js';

export const rule: Rule = {
  code: 'JKL105',
  name: 'env-duplicate',
  severity: 'warning',
  summary: 'An env name defined twice in one container: only the last value is used, and Kubernetes warns',
  check: (ctx) => reportApiFindings(ctx, 'JKL105'),
};
