import { yamlLoc } from '../resolve/resolve.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'JKL001',
  name: 'yaml-syntax',
  severity: 'error',
  summary: 'Pod YAML is not valid YAML (a duplicate key is a warning: Jenkins keeps the last value)',
  check(ctx) {
    for (const pod of ctx.pods) {
      const y = pod.yaml;
      if (!y) continue;
      for (const p of y.parsed.problems) {
        if (p.limit) continue; // JKL005's
        const loc = yamlLoc(y, p.start, p.end);
        if (loc) ctx.report({ loc, message: p.message, ...(p.severity === 'warning' ? { severity: 'warning' as const } : {}) });
      }
    }
  },
};
