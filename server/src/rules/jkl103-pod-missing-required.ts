import { effectiveContainers } from '../resolve/effective.js';
import type { Rule } from './rule.js';
import { reportSchemaIssues } from './schema-findings.js';

export const rule: Rule = {
  code: 'JKL103',
  name: 'pod-missing-required',
  severity: 'error',
  summary: 'A required pod field is missing, e.g. a container without a name, or a non-agent container without an image',
  check(ctx) {
    reportSchemaIssues(ctx, 'JKL103');
    // The schema leaves `image` optional; Jenkins fills it in only for the agent container.
    for (const pod of ctx.pods) {
      // An interpolated agentContainer (kept as written, so with its `$`) may name any of them.
      if (pod.invisibleParents || pod.agentContainer.includes('$')) continue;
      // Names that some container (a containerTemplate, an inherited one) gives an image.
      const imaged = new Set(effectiveContainers(pod).flatMap((o) => (o.image || o.origin === 'static') && o.name !== undefined ? [o.name] : []));
      for (const c of pod.containers) {
        if (c.origin !== 'yaml' || c.image || c.name === undefined || c.name === pod.agentContainer) continue;
        if (imaged.has(c.name)) continue;
        ctx.report({ loc: c.nameLoc, message: `Container "${c.name}" has no image; Jenkins fills in an image only for the agent container (${pod.agentContainer})` });
      }
    }
  },
};
