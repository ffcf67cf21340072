import type { Rule } from './rule.js';
import { reportDeclarative } from './declarative-findings.js';

export const rule: Rule = {
  code: 'JKL401',
  name: 'declarative-pipeline-section',
  severity: 'error',
  summary: "The pipeline block's sections: an unknown, repeated, renamed or missing one (agent, stages), or a pipeline not at the top level",
  fixable: ['unsafe'],
  check: (ctx) => reportDeclarative(ctx, 'JKL401'),
};
