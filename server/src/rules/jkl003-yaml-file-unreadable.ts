import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'JKL003',
  name: 'yaml-file-unreadable',
  severity: 'error',
  summary: '`yamlFile` names a file that does not exist, lies outside the workspace, or is too large',
  check(ctx) {
    for (const pod of ctx.pods) if (pod.fileProblem) ctx.report({ loc: pod.fileProblem.loc, message: pod.fileProblem.message });
  },
};
